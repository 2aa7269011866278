import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { hmacHex } from '../../lambdas/core/http/webhook-signature';
import { SECRETS } from '../../lambdas/core/secrets';
import { emulatorEnvironment } from '../../local/emulators';
import { emulatorCognitoClient } from '../../local/emulators/cognito-client';
import { MOTO_GAPS } from '../../local/emulators/gaps';
import { freePort } from '../../local/emulators/processes';
import { directCognitoSuite } from '../support/direct-cognito';
import { STRONG_PASSWORD, WEBHOOK_SECRET } from '../support/harness';
import { expectDocumented, routeOf } from '../support/openapi-responses';
import { emulators } from './emulators';

/**
 * The local API on the real adapters against moto's Cognito —
 * `npm run start:emulators -- --cognito moto` run as a user runs it (its own
 * moto and DynamoDB Local), stopped with SIGTERM to its process group: the
 * sign-out and the admin actions that revoke, walked over HTTP, and Cognito's
 * public API called around it.
 */
const root = path.join(__dirname, '..', '..');
let child: ChildProcess;
let banner = '';
const found = { api: '', cognito: '', clientId: '', clientSecret: '', adminEmail: '', adminPassword: '' };

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
    adminEmail: /bootstrap admin: (\S+)/.exec(banner)?.[1],
    adminPassword: /admin password: (\S+)/.exec(banner)?.[1],
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

// biome-ignore lint/suspicious/noExplicitAny: JSON answers read by shape
type Json = any;

async function http(
  method: string,
  route: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${found.api}${route}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  const answer = text ? JSON.parse(text) : undefined;
  expectDocumented(routeOf(method, route), response.status, answer);
  return { status: response.status, body: answer };
}

async function signIn(email: string, password: string): Promise<string> {
  const login = await http('POST', '/auth/login', { email, password });
  expect(login).toMatchObject({ status: 200, body: { tokens: { accessToken: expect.any(String) } } });
  return login.body.tokens.accessToken;
}

/** An applicant through the signed webhook, who chose STRONG_PASSWORD with the temporary password the outbox set. */
async function applicant(label: string): Promise<{ email: string; userId: string }> {
  const email = `${label}-${Date.now().toString(36)}@example.com`;
  const raw = JSON.stringify({ email });
  const created = await http('POST', `/applications?signature=${hmacHex(WEBHOOK_SECRET, raw)}`, raw);
  expect(created.status).toBe(201);
  const outbox = await (await fetch(`${found.api}/_local/outbox?to=${encodeURIComponent(email)}`)).json();
  const temporary = outbox.messages.at(-1).secret as string;
  const login = await http('POST', '/auth/login', { email, password: temporary });
  expect(login.body.challenge.name).toBe('NEW_PASSWORD_REQUIRED');
  const answer = await http('POST', '/auth/new-password', {
    email,
    temporaryPassword: temporary,
    newPassword: STRONG_PASSWORD,
  });
  expect(answer.status).toBe(200);
  return { email, userId: created.body.user.userId };
}

const cognitoSays = (accessToken: string) =>
  emulatorCognitoClient(found.cognito).send(new GetUserCommand({ AccessToken: accessToken }));

describe('the API on moto: sign-out and the admin actions that revoke', () => {
  it('POST /auth/sign-out ends the token on our routes and in moto (GlobalSignOut); a new sign-in works', async () => {
    const { email } = await applicant('moto-sign-out');
    const token = await signIn(email, STRONG_PASSWORD);
    expect((await http('GET', '/me', undefined, token)).status).toBe(200);
    expect((await http('POST', '/auth/sign-out', undefined, token)).status).toBe(204);
    expect((await http('GET', '/me', undefined, token)).body.error.code).toBe('UNAUTHENTICATED');
    await expect(cognitoSays(token)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    expect((await http('GET', '/me', undefined, await signIn(email, STRONG_PASSWORD))).status).toBe(200);
  });

  it.each(['suspend', 'disable', 'sign-out'])(
    "POST /admin/users/{userId}/%s ends the user's token; enabled and signed in again, they are served",
    async (action) => {
      const admin = await signIn(found.adminEmail, found.adminPassword);
      const { email, userId } = await applicant(`moto-${action}`);
      const token = await signIn(email, STRONG_PASSWORD);
      // A token of the same second as the action is Cognito's to judge (the gate asks it), and moto's
      // AdminUserGlobalSignOut revokes nothing (MOTO_GAPS.adminSignOut): act in the next second, where
      // the API's own record refuses the token whatever moto says.
      if (action === 'sign-out') await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5));
      expect((await http('POST', `/admin/users/${userId}/${action}`, undefined, admin)).status).toBe(200);
      expect((await http('GET', '/me', undefined, token)).body.error.code).toBe('UNAUTHENTICATED');
      if (action === 'disable')
        await expect(cognitoSays(token)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
      if (action !== 'sign-out')
        expect((await http('POST', `/admin/users/${userId}/enable`, undefined, admin)).status).toBe(200);
      expect((await http('GET', '/me', undefined, await signIn(email, STRONG_PASSWORD))).status).toBe(200);
    },
  );

  it('PUT /admin/users/{userId}/password sets a password the user signs in with; the old one is refused', async () => {
    const admin = await signIn(found.adminEmail, found.adminPassword);
    const { email, userId } = await applicant('moto-set-password');
    const set = await http(
      'PUT',
      `/admin/users/${userId}/password`,
      { password: 'Adm1n!Chosen-2026', permanent: true },
      admin,
    );
    expect(set.status).toBe(200);
    expect((await http('POST', '/auth/login', { email, password: STRONG_PASSWORD })).status).toBe(401);
    await signIn(email, 'Adm1n!Chosen-2026');
  });

  it('answers the routes moto cannot serve with the named 501', async () => {
    const refresh = await http('POST', '/auth/refresh', { refreshToken: 'x'.repeat(40) });
    expect(refresh).toMatchObject({ status: 501, body: { error: { code: 'NOT_SUPPORTED_BY_EMULATOR' } } });
    expect(refresh.body.error.message).toContain(MOTO_GAPS.refreshSecretHash);
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
