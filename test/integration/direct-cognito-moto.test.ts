import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SECRETS } from '../../lambdas/core/secrets';
import { emulatorEnvironment } from '../../local/emulators';
import { MOTO_GAPS } from '../../local/emulators/gaps';
import { freePort } from '../../local/emulators/processes';
import { directCognitoSuite } from '../support/direct-cognito';
import { emulators } from './emulators';

/**
 * Cognito's public API on moto, around the local API on the real adapters —
 * `npm run start:emulators -- --cognito moto` run as a user runs it (its own
 * moto and DynamoDB Local), stopped with SIGTERM to its process group.
 */
const root = path.join(__dirname, '..', '..');
let child: ChildProcess;
let banner = '';
const found = { api: '', cognito: '', clientId: '', clientSecret: '' };

beforeAll(async () => {
  const port = await freePort();
  const env = { ...process.env };
  // This process's variables point at the integration setup's emulators; the child makes its own.
  for (const key of Object.keys(emulatorEnvironment(emulators()))) delete env[key];
  child = spawn(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    ['local/start-emulators.ts', '--cognito', 'moto'],
    {
      cwd: root,
      detached: true,
      env: { ...env, PORT: String(port), LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => {
    banner += chunk.toString();
  });
  const deadline = Date.now() + 90_000;
  while (!banner.includes('stops the API and the emulators')) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`start:emulators --cognito moto:\n${banner}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const moto = /moto: +(\S+) +pool \S+ +client (\S+)/.exec(banner);
  const invokeEnv = /\. (\S+invoke\.env);/.exec(banner)?.[1] as string;
  const secret = new RegExp(`^${SECRETS.appClient.valueEnv}='([^']*)'`, 'm').exec(
    readFileSync(invokeEnv, 'utf8'),
  );
  Object.assign(found, {
    api: `http://127.0.0.1:${port}`,
    cognito: moto?.[1],
    clientId: moto?.[2],
    clientSecret: secret?.[1],
  });
}, 100_000);

afterAll(async () => {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-(child.pid as number), 'SIGTERM');
  await exited;
});

describe('npm run start:emulators -- --cognito moto', () => {
  it('starts the API on moto, names its Cognito, and lists the gaps that answer 501', () => {
    expect(found.cognito).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(found.clientSecret).toBeTruthy();
    expect(banner).toContain(MOTO_GAPS.resend);
    expect(banner).toContain('moto sends no email');
  });
});

directCognitoSuite({
  name: 'moto (npm run start:emulators -- --cognito moto)',
  api: () => found.api,
  cognito: () => found.cognito,
  clientId: () => found.clientId,
  clientSecret: () => found.clientSecret,
  gaps: MOTO_GAPS,
});
