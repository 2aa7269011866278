import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hmacHex } from '../../lambdas/core/http/webhook-signature';
import { emulatorOutbox } from '../../local/emulators';
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
    expect(outbox.messages).toEqual([expect.objectContaining({ to: email, kind: 'TEMPORARY_PASSWORD' })]);

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
});
