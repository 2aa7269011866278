import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hmacHex } from '../../lambdas/core/http/webhook-signature';
import { customMessagesOf, emulatorOutbox } from '../../local/emulators';
import { bootstrapAdminOnAdapters } from '../../local/emulators/bootstrap-admin';
import { createLocalServer } from '../../local/server';
import { STRONG_PASSWORD, WEBHOOK_SECRET } from '../support/harness';
import { emulators, uniqueEmail } from './emulators';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createLocalServer({ outbox: (to) => emulatorOutbox(emulators(), to) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

async function post(path: string, body: string) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json' },
  });
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers read by shape in the assertions
  return { status: response.status, body: (await response.json()) as any };
}

describe('the local server on the real adapters (npm run start:emulators), over HTTP', () => {
  it('reports aws mode and runs the applicant flow with the outbox fed by cognito-local', async () => {
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok', mode: 'aws' });
    const email = uniqueEmail('http');
    const application = JSON.stringify({ email });

    expect(
      (await post(`/applications?signature=${hmacHex(WEBHOOK_SECRET, application)}`, application)).status,
    ).toBe(201);
    const outbox = (await (await fetch(`${base}/_local/outbox?to=${encodeURIComponent(email)}`)).json()) as {
      messages: Array<{ secret: string }>;
    };
    // Worded by the project's CustomMessage trigger, which cognito-local invoked on the Lambda endpoint.
    expect(outbox.messages).toEqual([
      expect.objectContaining({
        to: email,
        kind: 'TEMPORARY_PASSWORD',
        subject: 'Cognito account backend: your account is ready',
      }),
    ]);

    const login = await post('/auth/login', JSON.stringify({ email, password: outbox.messages[0]?.secret }));
    const tokens = await post(
      '/auth/new-password',
      JSON.stringify({ email, session: login.body.challenge.session, newPassword: STRONG_PASSWORD }),
    );
    const me = await fetch(`${base}/me`, {
      headers: { Authorization: `Bearer ${tokens.body.tokens.accessToken}` },
    });

    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email, status: 'pending_approval' });
  });

  it('has a bootstrap admin, made as start:emulators makes it, who signs in and provisions an admin', async () => {
    const adminEmail = uniqueEmail('bootstrap');
    await expect(bootstrapAdminOnAdapters(adminEmail, STRONG_PASSWORD)).resolves.toBe('created');
    await expect(bootstrapAdminOnAdapters(adminEmail, STRONG_PASSWORD)).resolves.toBe('exists');

    const login = await post('/auth/login', JSON.stringify({ email: adminEmail, password: STRONG_PASSWORD }));
    const token = login.body.tokens.accessToken as string;
    const invitee = uniqueEmail('invitee');
    const created = await fetch(`${base}/admins`, {
      method: 'POST',
      body: JSON.stringify({ email: invitee }),
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    });

    expect(created.status).toBe(201);
    const outbox = (await (
      await fetch(`${base}/_local/outbox?to=${encodeURIComponent(invitee)}`)
    ).json()) as {
      messages: Array<{ kind: string; subject: string; html: string; secret: string }>;
    };
    expect(outbox.messages).toEqual([
      expect.objectContaining({
        kind: 'ADMIN_INVITE',
        subject: 'Cognito account backend: your administrator invitation',
      }),
    ]);
    expect(outbox.messages[0]?.html).toContain(`<strong>${outbox.messages[0]?.secret}</strong>`);
  });

  it('shows the branded message cognito-local itself delivered (its log)', async () => {
    const email = uniqueEmail('delivered');
    const application = JSON.stringify({ email });
    await post(`/applications?signature=${hmacHex(WEBHOOK_SECRET, application)}`, application);
    // cognito-local writes its delivery line when a later request flushes its logger.
    await fetch(`${base}/health`);
    await post('/auth/login', JSON.stringify({ email: uniqueEmail('nobody'), password: STRONG_PASSWORD }));

    const deadline = Date.now() + 5000;
    let log = '';
    while (Date.now() < deadline && !log.includes(email)) {
      log = readFileSync(emulators().cognitoLog, 'utf8');
      await new Promise((r) => setTimeout(r, 100));
    }
    const records = customMessagesOf(emulators()).filter((r) => r.email === email);
    expect(records).toEqual([
      expect.objectContaining({
        triggerSource: 'CustomMessage_AdminCreateUser',
        invitation: 'applicant',
        emailSubject: 'Cognito account backend: your account is ready',
      }),
    ]);
    expect(log).toContain('Cognito account backend: your account is ready');
  });
});
