import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resetMemoryWorld, seedAdmin } from '../../lambdas/core/adapters/memory/world';
import { SECURITY_HEADERS } from '../../lambdas/core/http/headers';
import { hmacHex } from '../../lambdas/core/http/webhook-signature';
import { createLocalServer } from '../../local/server';
import { registryTriggers } from '../../local/triggers';
import { STRONG_PASSWORD, WEBHOOK_SECRET } from '../support/harness';

let server: Server;
let base: string;

async function http(
  method: string,
  path: string,
  init: { body?: string; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${base}${path}`, { method, body: init.body, headers: init.headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

const json = { 'Content-Type': 'application/json' };

beforeAll(async () => {
  const world = resetMemoryWorld({ triggers: registryTriggers() });
  await seedAdmin(world, { email: 'admin@example.com', password: 'Adm1n!Local-pass' });
  server = createLocalServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('the local API server (mock mode, over HTTP)', () => {
  it.each(['%ZZ', '%', '%C0%AE', 'ok%E0%A4%A'])(
    'answers a path parameter with malformed percent-encoding (%s) 400 BAD_REQUEST in the API error shape, as API Gateway does',
    async (segment) => {
      for (const method of ['GET', 'DELETE']) {
        const answer = await http(method, `/admin/users/${segment}`);
        expect(answer.status).toBe(400);
        expect(answer.body).toEqual({ error: { code: 'BAD_REQUEST', message: expect.any(String) } });
        expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      }
    },
  );

  it('answers /health with the mode', async () => {
    expect(await http('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok', mode: 'mock' } });
  });

  it('runs the whole applicant flow: application -> emailed temporary password -> NEW_PASSWORD_REQUIRED -> tokens -> /me', async () => {
    const application = JSON.stringify({ email: 'Applicant@Example.com', name: 'A. Applicant' });
    const created = await http('POST', `/applications?signature=${hmacHex(WEBHOOK_SECRET, application)}`, {
      body: application,
      headers: json,
    });
    expect(created).toMatchObject({
      status: 201,
      body: { created: true, user: { cognitoStatus: 'FORCE_CHANGE_PASSWORD' } },
    });

    const outbox = await http('GET', '/_local/outbox?to=applicant@example.com');
    expect(outbox.body.messages).toEqual([
      expect.objectContaining({
        to: 'applicant@example.com',
        kind: 'TEMPORARY_PASSWORD',
        secret: expect.any(String),
      }),
    ]);
    const temporaryPassword = outbox.body.messages[0].secret as string;

    const login = await http('POST', '/auth/login', {
      body: JSON.stringify({ email: 'applicant@example.com', password: temporaryPassword }),
      headers: json,
    });
    expect(login).toMatchObject({ status: 200, body: { challenge: { name: 'NEW_PASSWORD_REQUIRED' } } });

    const answered = await http('POST', '/auth/new-password', {
      body: JSON.stringify({
        email: 'applicant@example.com',
        session: login.body.challenge.session,
        newPassword: STRONG_PASSWORD,
      }),
      headers: json,
    });
    expect(answered.status).toBe(200);
    expect(answered.headers.get('cache-control')).toBe('no-store');

    const me = await http('GET', '/me', {
      headers: { Authorization: `Bearer ${answered.body.tokens.accessToken}` },
    });
    expect(me).toMatchObject({
      status: 200,
      body: { email: 'applicant@example.com', status: 'pending_approval', emailVerified: true, groups: [] },
    });
  });

  it('seeds a bootstrap admin who can sign in and holds the admin group', async () => {
    const login = await http('POST', '/auth/login', {
      body: JSON.stringify({ email: 'admin@example.com', password: 'Adm1n!Local-pass' }),
      headers: json,
    });
    const me = await http('GET', '/me', {
      headers: { Authorization: `Bearer ${login.body.tokens.accessToken}` },
    });

    expect(me.body).toMatchObject({ role: 'admin', status: 'active', groups: ['admin'] });
  });

  it('lets the bootstrap admin provision an admin who signs in with the emailed invitation and provisions the next', async () => {
    const rootLogin = await http('POST', '/auth/login', {
      body: JSON.stringify({ email: 'admin@example.com', password: 'Adm1n!Local-pass' }),
      headers: json,
    });
    const root = { ...json, Authorization: `Bearer ${rootLogin.body.tokens.accessToken}` };

    const created = await http('POST', '/admins', {
      body: JSON.stringify({ email: 'second.admin@example.com' }),
      headers: root,
    });
    expect(created).toMatchObject({
      status: 201,
      body: {
        user: { role: 'admin', status: 'active', cognitoStatus: 'FORCE_CHANGE_PASSWORD' },
        adminInfo: {},
      },
    });

    const outbox = await http('GET', '/_local/outbox?to=second.admin@example.com');
    expect(outbox.body.messages).toEqual([
      expect.objectContaining({ kind: 'ADMIN_INVITE', secret: expect.any(String) }),
    ]);

    const challenge = await http('POST', '/auth/login', {
      body: JSON.stringify({ email: 'second.admin@example.com', password: outbox.body.messages[0].secret }),
      headers: json,
    });
    expect(challenge.body.challenge.name).toBe('NEW_PASSWORD_REQUIRED');
    const signedIn = await http('POST', '/auth/new-password', {
      body: JSON.stringify({
        email: 'second.admin@example.com',
        session: challenge.body.challenge.session,
        newPassword: STRONG_PASSWORD,
      }),
      headers: json,
    });
    const second = { ...json, Authorization: `Bearer ${signedIn.body.tokens.accessToken}` };
    expect((await http('GET', '/me', { headers: second })).body).toMatchObject({
      role: 'admin',
      groups: ['admin'],
    });

    const third = await http('POST', '/admins', {
      body: JSON.stringify({ email: 'third.admin@example.com' }),
      headers: second,
    });
    expect(third.status).toBe(201);

    // Duplicates, races and non-admins.
    const duplicate = await http('POST', '/admins', {
      body: JSON.stringify({ email: 'third.admin@example.com' }),
      headers: root,
    });
    expect(duplicate).toMatchObject({ status: 409, body: { error: { code: 'USER_EXISTS' } } });
    const race = await Promise.all(
      Array.from({ length: 4 }, () =>
        http('POST', '/admins', { body: JSON.stringify({ email: 'race@example.com' }), headers: root }),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const applicant = await http('POST', '/auth/login', {
      body: JSON.stringify({ email: 'applicant@example.com', password: STRONG_PASSWORD }),
      headers: json,
    });
    const forbidden = await http('POST', '/admins', {
      body: JSON.stringify({ email: 'x@example.com' }),
      headers: { ...json, Authorization: `Bearer ${applicant.body.tokens.accessToken}` },
    });
    expect(forbidden).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect(
      await http('POST', '/admins', { body: JSON.stringify({ email: 'x@example.com' }), headers: json }),
    ).toMatchObject({
      status: 401,
    });
  });

  it('answers 404 NOT_FOUND in the API error shape for an unknown route', async () => {
    expect(await http('GET', '/nope')).toEqual({
      status: 404,
      headers: expect.anything(),
      body: { error: { code: 'NOT_FOUND', message: 'No such route.' } },
    });
  });

  it('answers 401 UNAUTHENTICATED before the handler runs for a protected route without a token', async () => {
    expect(await http('GET', '/me')).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED' } },
    });
  });

  it('answers 413 for a body over the limit and 415 for a non-JSON body', async () => {
    const large = await http('POST', '/auth/login', {
      body: JSON.stringify({ pad: 'x'.repeat(70_000) }),
      headers: json,
    });
    const text = await http('POST', '/auth/login', {
      body: 'email=a',
      headers: { 'Content-Type': 'text/plain' },
    });

    expect(large).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
    expect(text).toMatchObject({ status: 415, body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE' } } });
  });

  it('puts the security headers on its own 404, 401, 413 and 415 answers', async () => {
    const answers = [
      await http('GET', '/nope'),
      await http('GET', '/me'),
      await http('POST', '/auth/login', { body: JSON.stringify({ pad: 'x'.repeat(70_000) }), headers: json }),
      await http('POST', '/auth/login', { body: 'email=a', headers: { 'Content-Type': 'text/plain' } }),
    ];
    for (const answer of answers) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect({ status: answer.status, [name]: answer.headers.get(name) }).toEqual({
          status: answer.status,
          [name]: value,
        });
      }
    }
  });

  it('does not echo a long path in a 404', async () => {
    const answer = await http('GET', `/${'a'.repeat(2000)}`);
    expect(answer.status).toBe(404);
    expect(JSON.stringify(answer.body)).not.toContain('aaaa');
  });

  it('serves /_local/* only to a loopback Host, never to a rebound DNS name', async () => {
    const port = new URL(base).port;
    const rebound = await rawGet('/_local/outbox', `attacker.example:${port}`);
    const local = await rawGet('/_local/outbox', `localhost:${port}`);

    expect(rebound.status).toBe(404);
    expect(local.status).toBe(200);
  });
});

/** fetch() does not let a page set Host; node:http does, as a rebinding browser effectively would. */
function rawGet(path: string, host: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const req = request({ host: url.hostname, port: url.port, path, headers: { Host: host } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on('error', reject);
    req.end();
  });
}
