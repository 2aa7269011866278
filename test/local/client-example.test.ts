import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { accountClient } from '../../client';
import { hmacHex } from '../../lambdas/core/http/webhook-signature';
import { freePort } from '../../local/emulators/processes';
import { STRONG_PASSWORD, WEBHOOK_SECRET } from '../support/harness';

/**
 * The typed client (client/) and its example (examples/sign-in.ts) against
 * `npm start` as a user runs it: an applicant's first sign-in with the
 * temporary password Cognito (the fake) emailed, the NEW_PASSWORD_REQUIRED
 * challenge answered, `/me`, a refresh.
 */
const root = path.join(__dirname, '..', '..');
let server: ChildProcess;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn('npm', ['start'], {
    cwd: root,
    detached: true,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), LOCAL_STATE_FILE: 'off' },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const up = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline || server.exitCode !== null) throw new Error('npm start did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}, 40_000);

afterAll(async () => {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  process.kill(-(server.pid as number), 'SIGINT');
  await exited;
});

/** An applicant created through the signed webhook, and the temporary password in the local outbox. */
async function applicant(email: string): Promise<string> {
  const api = accountClient(base);
  const body = { email, name: 'Client Example' };
  const signature = hmacHex(WEBHOOK_SECRET, JSON.stringify(body));
  const created = await api.POST('/applications', { params: { query: { signature } }, body });
  expect(created.response.status).toBe(201);
  expect(created.data).toMatchObject({
    created: true,
    user: { email, cognitoStatus: 'FORCE_CHANGE_PASSWORD' },
  });
  const outbox = await (await fetch(`${base}/_local/outbox?to=${encodeURIComponent(email)}`)).json();
  return outbox.messages.at(-1).secret;
}

function example(env: Record<string, string>) {
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  return promisify(execFile)(tsx, ['examples/sign-in.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH, API_URL: base, ...env },
  }).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('examples/sign-in.ts on npm start', () => {
  it('signs in, answers NEW_PASSWORD_REQUIRED, reads /me and refreshes', async () => {
    const email = 'client-example@example.com';
    const temporary = await applicant(email);
    const run = await example({ EMAIL: email, PASSWORD: temporary, NEW_PASSWORD: STRONG_PASSWORD });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.split('\n')).toEqual([
      'challenge NEW_PASSWORD_REQUIRED',
      'signed in',
      `profile ${email} (pending_approval, groups: none)`,
      'refreshed (access token valid 3600 s)',
      '',
    ]);
    // The new password is now the password: a plain sign-in, no challenge.
    const again = await example({ EMAIL: email, PASSWORD: STRONG_PASSWORD });
    expect(again.stdout.split('\n')[0]).toBe('signed in');
  });

  it('says why a sign-in was refused, with the stable code, and exits 1', async () => {
    const run = await example({ EMAIL: 'nobody@example.com', PASSWORD: STRONG_PASSWORD });
    expect(run).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('sign-in refused: NOT_AUTHORIZED'),
    });
  });

  it('is the snippet docs/client.md shows, word for word', () => {
    const script = readFileSync(path.join(root, 'examples', 'sign-in.ts'), 'utf8');
    const snippet = /\/\/ --- snippet: sign in.*\n([\s\S]*?)\n\s*\/\/ --- end of snippet ---/.exec(
      script,
    )?.[1];
    const dedented = snippet?.replace(/^ {2}/gm, '');
    const docs = readFileSync(path.join(root, 'docs', 'client.md'), 'utf8');
    expect(dedented).toBeTruthy();
    expect(docs).toContain(dedented);
  });
});
