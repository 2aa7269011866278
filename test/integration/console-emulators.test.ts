import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { hmacHex } from '../../lambdas/core/http/webhook-signature';
import { emulatorOutbox } from '../../local/emulators';
import { bootstrapAdminOnAdapters } from '../../local/emulators/bootstrap-admin';
import { createLocalServer } from '../../local/server';
import {
  consolePage,
  launchChromium,
  openUser,
  probe,
  runAction,
  SHOTS,
  signIn,
} from '../support/console-browser';
import { STRONG_PASSWORD, WEBHOOK_SECRET } from '../support/harness';
import { emulators, uniqueEmail } from './emulators';

/**
 * The admin console in Chromium against the local server on the real
 * adapters (`npm run start:emulators`): cognito-local, DynamoDB Local, the
 * outbox fed by cognito-local. Disable/suspend/sign-out are not walked here:
 * they end with AdminUserGlobalSignOut, which cognito-local lacks (the named
 * gap `adminAccountCalls`; the mock-mode browser test walks them).
 */
let server: Server;
let base: string;
let browser: Browser;
const admin = { email: uniqueEmail('console-admin'), password: STRONG_PASSWORD };

beforeAll(async () => {
  await bootstrapAdminOnAdapters(admin.email, admin.password);
  server = createLocalServer({ outbox: (to) => emulatorOutbox(emulators(), to) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
});

async function post(pathname: string, body: unknown) {
  const response = await fetch(`${base}${pathname}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers read by shape in the assertions
  return { status: response.status, body: (await response.json()) as any };
}

describe('the admin console in Chromium on the emulators', () => {
  it('signs in, shows the pool, runs the probe, finds an applicant and approves them', async () => {
    const email = uniqueEmail('console-applicant');
    const application = JSON.stringify({ email });
    expect(
      (await post(`/applications?signature=${hmacHex(WEBHOOK_SECRET, application)}`, application)).status,
    ).toBe(201);
    const { messages } = (await (
      await fetch(`${base}/_local/outbox?to=${encodeURIComponent(email)}`)
    ).json()) as {
      messages: Array<{ secret: string }>;
    };
    const login = await post('/auth/login', { email, password: messages[0]?.secret });
    const session = login.body.challenge.session;
    expect((await post('/auth/new-password', { email, session, newPassword: STRONG_PASSWORD })).status).toBe(
      200,
    );

    const { page, problems } = await consolePage(browser, base);
    await signIn(page, admin.email, admin.password);
    await page.waitForSelector('#console:not([hidden])');
    await page.waitForSelector('#pool-status dt');
    expect(await page.textContent('#pool-status')).toContain(emulators().userPoolId);
    expect(await probe(page)).toBe('Connection OK');

    await openUser(page, email);
    expect(await page.textContent('#users-table tbody')).toContain('pending_approval');
    await runAction(page, 'approve', 'pending_mfa');
    expect(await page.textContent('#users-table tbody')).toContain('pending_mfa');
    await page.screenshot({ path: path.join(SHOTS, 'emulators.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
