import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { OPERATION_LIST } from '../../lambdas/operations';
import { USAGE } from '../../local/invoke';

const run = promisify(execFile);
const root = path.join(__dirname, '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

/** Each test's own local world file (never the developer's .local/world.json). */
let world = '';
beforeEach(() => {
  world = path.join(mkdtempSync(path.join(tmpdir(), 'invoke-world-')), 'world.json');
});

function invoke(args: string[]) {
  return run(tsx, ['local/invoke.ts', ...args], {
    cwd: root,
    env: { ...process.env, MOCK_MODE: 'true', LOG_LEVEL: 'silent', LOCAL_STATE_FILE: world },
  });
}

const answer = async (args: string[]) => JSON.parse((await invoke(args)).stdout);

describe('npm run invoke', () => {
  it('runs one handler with a partial event file and prints its answer', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'invoke-')), 'event.json');
    writeFileSync(
      file,
      JSON.stringify({ body: { email: 'nobody@example.com', password: 'Wr0ng!Password' } }),
    );

    expect(await answer(['login', file])).toMatchObject({
      statusCode: 401,
      headers: { 'Cache-Control': 'no-store' },
      body: { error: { code: 'NOT_AUTHORIZED' } },
    });
  });

  it('lists every operation by area with its route, and runs each of its examples', async () => {
    for (const op of OPERATION_LIST) expect(USAGE).toContain(`${op.name}`);
    const examples = [...USAGE.matchAll(/^ {2}npm run invoke -- (.+)$/gm)].map(([, args]) =>
      (args as string).split(' '),
    );
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const args of examples) {
      const printed = await answer(args);
      if (args.includes('--event')) expect(printed).toMatchObject({ httpMethod: expect.any(String) });
      else if (args.includes('--outbox'))
        // The register example ran before it, in the same world: Jane's code is there.
        expect(printed.messages).toEqual([expect.objectContaining({ kind: 'VERIFICATION_CODE' })]);
      else expect({ args, succeeded: printed.statusCode < 300 }).toEqual({ args, succeeded: true });
    }
  }, 60_000);

  it('runs a protected operation through the authorizer and the caller gate, as --as or the bootstrap admin', async () => {
    expect(await answer(['getProfile', '--as', 'Jane@Example.com'])).toMatchObject({
      statusCode: 200,
      body: { email: 'jane@example.com', role: 'user', status: 'active' },
    });
    expect(await answer(['getProfile'])).toMatchObject({
      statusCode: 200,
      body: { email: 'admin@example.com', role: 'admin', groups: ['admin'] },
    });
    // A plain user is no admin: the gate refuses, as npm start's would.
    expect(await answer(['listUsers', '--as', 'jane@example.com'])).toMatchObject({
      statusCode: 403,
      body: { error: { code: 'FORBIDDEN' } },
    });
  }, 30_000);

  it('keeps the local world between runs: a user registered by one invocation confirms and signs in with the next', async () => {
    const dir = path.dirname(world);
    const event = (name: string, body: unknown) => {
      const file = path.join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify({ body }));
      return file;
    };
    const credentials = { email: 'sam@example.com', password: 'Str0ng!Passw0rd' };
    expect((await answer(['register', event('register', credentials)])).statusCode).toBe(201);
    const { messages } = await answer(['--outbox', 'sam@example.com']);
    const code = messages.at(-1).secret;
    const confirmed = await answer([
      'confirmRegistration',
      event('confirm', { email: 'sam@example.com', code }),
    ]);
    expect(confirmed.body).toEqual({ status: 'pending_approval', session: expect.any(String) });
    // The confirmation's one sign-in, in yet another process.
    const session = { email: 'sam@example.com', session: confirmed.body.session };
    expect((await answer(['signIn', event('sign-in', session)])).body).toHaveProperty('tokens');
    expect((await answer(['login', event('login', credentials)])).body).toHaveProperty('tokens');
    expect(await answer(['getProfile', '--as', 'sam@example.com'])).toMatchObject({
      statusCode: 200,
      body: { email: 'sam@example.com', status: 'pending_approval' },
    });

    await invoke(['--reset']);
    expect((await answer(['login', event('login', credentials)])).statusCode).toBe(401);
  }, 60_000);

  it('refuses an unknown operation or option with usage and exit code 2', async () => {
    await expect(invoke(['noSuchOperation'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown operation "noSuchOperation"'),
    });
    await expect(invoke(['getProfile', '--bogus'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown option --bogus'),
    });
  });
});
