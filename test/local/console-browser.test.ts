/// <reference lib="dom" />
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { resetMemoryWorld, seedAdmin } from '../../lambdas/core/adapters/memory/world';
import { totpCode } from '../../lambdas/core/domain/totp';
import { hmacHex } from '../../lambdas/core/http/webhook-signature';
import { createLocalServer } from '../../local/server';
import { registryTriggers } from '../../local/triggers';
import {
  consolePage,
  launchChromium,
  openUser,
  probe,
  runAction,
  SHOTS,
  signIn,
  visibleParts,
} from '../support/console-browser';
import { WEBHOOK_SECRET } from '../support/harness';

/**
 * The admin console in a real browser: Debian's Chromium driven by
 * playwright-core (no browser download; `.ci/run` installs the package),
 * against the local server in mock mode. Screenshots go to test-output/console/.
 */
const ROOT = { email: 'admin@example.com', password: 'Adm1n!Console-2026' };
const json = { 'Content-Type': 'application/json' };

let server: Server;
let base: string;
let browser: Browser;

async function post(pathname: string, body: unknown, headers: Record<string, string> = json) {
  const response = await fetch(`${base}${pathname}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json().catch(() => undefined) };
}

async function outboxSecret(to: string): Promise<string> {
  const { messages } = (await (await fetch(`${base}/_local/outbox?to=${encodeURIComponent(to)}`)).json()) as {
    messages: Array<{ secret: string }>;
  };
  return messages.at(-1)?.secret as string;
}

beforeAll(async () => {
  const world = resetMemoryWorld({ triggers: registryTriggers() });
  await seedAdmin(world, { email: ROOT.email, password: ROOT.password });
  server = createLocalServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('the admin console in Chromium (mock mode)', () => {
  it('signs in, shows the pool, runs the probe, approves an applicant, disables and enables them', async () => {
    // An applicant who set their password: pending_approval.
    const raw = JSON.stringify({ email: 'ada.applicant@example.com', name: 'Ada Applicant' });
    const created = await fetch(`${base}/applications?signature=${hmacHex(WEBHOOK_SECRET, raw)}`, {
      method: 'POST',
      headers: json,
      body: raw,
    });
    expect(created.status).toBe(201);
    const temporaryPassword = await outboxSecret('ada.applicant@example.com');
    const activated = await post('/auth/new-password', {
      email: 'ada.applicant@example.com',
      temporaryPassword,
      newPassword: 'Ada!Passw0rd-2026',
    });
    expect(activated.status).toBe(200);

    const { page, problems } = await consolePage(browser, base);
    // Before anyone signs in: the sign-in form only (no challenge row, no console).
    expect(await visibleParts(page)).toEqual(['sign-in', 'login-form']);
    await page.screenshot({ path: path.join(SHOTS, '1-sign-in.png') });
    await signIn(page, ROOT.email, ROOT.password);
    await page.waitForSelector('#console:not([hidden])');
    await page.waitForSelector('#outbox:not([hidden])');
    expect(await visibleParts(page)).toEqual(['sign-out', 'console', 'outbox']);
    expect(await page.textContent('#who')).toContain(ROOT.email);
    await page.waitForSelector('#pool-status dt');
    expect(await page.textContent('#pool-status')).toContain('userPoolId');

    expect(await probe(page)).toBe('Connection OK');

    // The approval queue: pending_approval users only, newest first.
    await page.click('#approval-queue');
    // The whole list may already show ada: wait for the queue's answer, not for her name.
    await page.waitForFunction(() => {
      const rows = Array.from(document.querySelectorAll('#users-table tbody tr'));
      return (
        rows.some((row) => row.textContent?.includes('ada.applicant@example.com')) &&
        rows.every((row) => row.querySelector('td:nth-child(2)')?.textContent === 'pending_approval')
      );
    });
    const statuses = await page.locator('#users-table tbody tr td:nth-child(2)').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['pending_approval']));

    // Every user, newest first.
    await page.click('#clear-filter');
    await page.waitForFunction(
      () => (document.querySelector('#users-table tbody')?.children.length ?? 0) > 1,
    );
    const createdAt = await page.locator('#users-table tbody tr td:nth-child(4)').allTextContents();
    expect(createdAt).toEqual([...createdAt].sort().reverse());

    await openUser(page, 'ada.applicant@example.com');
    expect(await visibleParts(page)).toEqual(['sign-out', 'console', 'user-detail', 'outbox']);
    expect(await page.locator('#users-table tbody tr').count()).toBe(1);
    expect(await page.textContent('#users-table tbody')).toContain('pending_approval');
    await page.screenshot({ path: path.join(SHOTS, '2-user.png'), fullPage: true });

    await runAction(page, 'approve', 'pending_mfa');
    await runAction(page, 'disable', 'disabled');
    await runAction(page, 'enable', 'pending_mfa');

    // Attributes and a permanent password, through the detail's forms.
    await page.fill('#attributes-form input[name=name]', 'Ada Lovelace');
    await page.click('#attributes-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#notice')?.textContent === 'attributes: saved.');
    expect(await page.textContent('#user-fields')).toContain('Ada Lovelace');
    await page.fill('#password-form input[name=password]', 'Set!ByAdmin-2026');
    await page.check('#password-form input[name=permanent]');
    await page.click('#password-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#notice')?.textContent === 'password: saved.');
    const withNewPassword = await post('/auth/login', {
      email: 'ada.applicant@example.com',
      password: 'Set!ByAdmin-2026',
    });
    expect(withNewPassword.status).toBe(200);
    expect(await page.textContent('#users-table tbody')).toContain('pending_mfa');
    await page.screenshot({ path: path.join(SHOTS, '3-actions.png'), fullPage: true });
    await page.evaluate(() =>
      window.scrollTo(0, (document.querySelector('#users') as HTMLElement).offsetTop - 16),
    );
    await page.screenshot({ path: path.join(SHOTS, 'readme.png') });
    // `npm run docs:screenshot` refreshes the README's picture from this very step.
    if (process.env.UPDATE_README_SCREENSHOT === '1')
      await page.screenshot({ path: path.join(__dirname, '..', '..', 'docs', 'images', 'console.png') });

    // The outbox of mock mode is listed, and the tokens are in memory only.
    expect(await page.textContent('#outbox-table')).toContain('ada.applicant@example.com');
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([
      0,
      0,
      '',
    ]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('takes a new admin through NEW_PASSWORD_REQUIRED and a TOTP admin through SOFTWARE_TOKEN_MFA', async () => {
    // The root admin creates the new admin in the console, and resends the invitation.
    const { page, problems } = await consolePage(browser, base);
    await signIn(page, ROOT.email, ROOT.password);
    await page.waitForSelector('#console:not([hidden])');
    await page.fill('#admin-form input[name=email]', 'new.admin@example.com');
    await page.click('#admin-form button[type=submit]');
    await page.waitForFunction(() =>
      document.querySelector('#notice')?.textContent?.startsWith('Admin new.admin'),
    );
    await page.click('#resend-invite');
    await page.waitForFunction(() => document.querySelector('#notice')?.textContent?.includes('on its way'));
    const invite = await outboxSecret('new.admin@example.com');
    await page.click('#sign-out');
    await page.waitForSelector('#sign-in:not([hidden])');
    expect(await visibleParts(page)).toEqual(['sign-in', 'login-form']);

    await signIn(page, 'new.admin@example.com', invite);
    await page.waitForSelector('#challenge-form:not([hidden]) #new-password-field:not([hidden])');
    // The new-password step alone: the sign-in form and the code field are gone.
    expect(await visibleParts(page)).toEqual(['sign-in', 'challenge-form', 'new-password-field']);
    await page.fill('#challenge-form input[name=newPassword]', 'N3w!Admin-Passw0rd');
    await page.click('#challenge-form button[type=submit]');
    await page.waitForSelector('#console:not([hidden])');
    expect(await page.textContent('#who')).toContain('new.admin@example.com');

    // TOTP: enroll through the API, then the console asks for the code.
    await page.click('#sign-out');
    await page.waitForSelector('#sign-in:not([hidden])');
    // Sign-out revokes tokens issued up to its second (whole seconds, as `iat`): sign in after it.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const login = await post('/auth/login', {
      email: 'new.admin@example.com',
      password: 'N3w!Admin-Passw0rd',
    });
    const bearer = { ...json, Authorization: `Bearer ${login.body.tokens.accessToken}` };
    const enrollment = await post('/me/mfa/totp', {}, bearer);
    expect(enrollment).toMatchObject({ status: 200, body: { secretCode: expect.any(String) } });
    expect(
      (await post('/me/mfa/totp/verify', { code: totpCode(enrollment.body.secretCode, Date.now()) }, bearer))
        .status,
    ).toBe(200);
    await signIn(page, 'new.admin@example.com', 'N3w!Admin-Passw0rd');
    await page.waitForSelector('#challenge-form:not([hidden]) #code-field:not([hidden])');
    expect(await visibleParts(page)).toEqual(['sign-in', 'challenge-form', 'code-field']);
    // A fresh 30-second step, so the code is not the one enrollment used.
    await new Promise((resolve) => setTimeout(resolve, 1000 * (31 - (Math.floor(Date.now() / 1000) % 30))));
    await page.fill('#challenge-form input[name=code]', totpCode(enrollment.body.secretCode, Date.now()));
    await page.click('#challenge-form button[type=submit]');
    await page.waitForSelector('#console:not([hidden])');
    await page.screenshot({ path: path.join(SHOTS, '4-console.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
