import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.join(__dirname, '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

function invoke(args: string[]) {
  return run(tsx, ['local/invoke.ts', ...args], {
    cwd: root,
    env: { ...process.env, MOCK_MODE: 'true', LOG_LEVEL: 'silent' },
  });
}

describe('npm run invoke', () => {
  it('runs one handler with a partial event file and prints its answer', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'invoke-')), 'event.json');
    writeFileSync(
      file,
      JSON.stringify({ body: { email: 'nobody@example.com', password: 'Wr0ng!Password' } }),
    );

    const { stdout } = await invoke(['login', file]);

    expect(JSON.parse(stdout)).toMatchObject({
      statusCode: 401,
      headers: { 'Cache-Control': 'no-store' },
      body: { error: { code: 'NOT_AUTHORIZED' } },
    });
  });

  it('refuses an unknown operation with usage and exit code 2', async () => {
    await expect(invoke(['noSuchOperation'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown operation "noSuchOperation"'),
    });
  });
});
