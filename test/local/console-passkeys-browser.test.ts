/// <reference lib="dom" />
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { resetMemoryWorld, seedAdmin } from '../../lambdas/core/adapters/memory/world';
import { createLocalServer } from '../../local/server';
import { SoftwareAuthenticator } from '../../local/software-authenticator';
import { registryTriggers } from '../../local/triggers';
import { consolePage, launchChromium, SHOTS, signIn, visibleParts } from '../support/console-browser';

/**
 * Passkeys in the admin console, in Chromium with a virtual authenticator (the
 * DevTools protocol's WebAuthn domain: a platform authenticator that holds
 * resident keys and verifies its user): "Add a passkey", sign out, "Sign in
 * with a passkey". The page is opened on `localhost`, the mock pool's relying
 * party, so the browser's own WebAuthn checks apply.
 */
const ADMIN = { email: 'passkey.admin@example.com', password: 'Adm1n!Passkey-2026' };
const HOLDER = { email: 'passkey.holder@example.com', password: 'H0lder!Passkey-2026' };
/** A platform authenticator that holds resident keys and verifies its user, and answers by itself. */
const PLATFORM_AUTHENTICATOR = {
  options: {
    protocol: 'ctap2',
    transport: 'internal',
    hasResidentKey: true,
    hasUserVerification: true,
    isUserVerified: true,
    automaticPresenceSimulation: true,
  },
} as const;

let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  const world = resetMemoryWorld({ triggers: registryTriggers() });
  await seedAdmin(world, ADMIN);
  await seedAdmin(world, HOLDER);
  server = createLocalServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('passkeys in the admin console (Chromium, virtual authenticator)', () => {
  it('adds a passkey for the signed-in admin, then signs in with it alone', async () => {
    const { page, problems } = await consolePage(browser, base);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', PLATFORM_AUTHENTICATOR);

    await signIn(page, ADMIN.email, ADMIN.password);
    await page.waitForSelector('#add-passkey:not([hidden])');
    await page.click('#add-passkey');
    await page.waitForFunction(
      () => document.querySelector('#notice')?.textContent === 'Passkey added (1 registered).',
    );
    const held = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(held.credentials).toEqual([
      expect.objectContaining({ isResidentCredential: true, rpId: 'localhost' }),
    ]);

    await page.click('#sign-out');
    await page.waitForSelector('#sign-in:not([hidden])');
    expect(await page.locator('#add-passkey').isVisible()).toBe(false);
    await page.fill('#login-form input[name=password]', '');
    await page.fill('#login-form input[name=email]', ADMIN.email);
    await page.click('#passkey-sign-in');
    await page.waitForSelector('#console:not([hidden])');

    expect(await page.textContent('#who')).toBe(`signed in as ${ADMIN.email}`);
    expect(await visibleParts(page)).toEqual(['sign-out', 'console', 'outbox']);
    const used = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(used.credentials[0]?.signCount).toBeGreaterThan(held.credentials[0]?.signCount ?? 0);
    await page.screenshot({ path: path.join(SHOTS, 'passkey-sign-in.png') });
    expect(problems).toEqual([]);
  }, 60_000);

  it('says so, and stays signed out, when the passkey is refused', async () => {
    const { page, problems } = await consolePage(browser, base);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    // A fresh authenticator holds no passkey of this user: the browser finds none to offer.
    await cdp.send('WebAuthn.addVirtualAuthenticator', PLATFORM_AUTHENTICATOR);

    await page.fill('#login-form input[name=email]', ADMIN.email);
    await page.click('#passkey-sign-in');
    await page.waitForFunction(() =>
      document.querySelector('#notice')?.textContent?.startsWith('Sign in with a passkey:'),
    );

    expect(await visibleParts(page)).toEqual(['sign-in', 'login-form']);
    expect(problems).toEqual([]);
  }, 60_000);

  it("lists a user's passkeys on the user page and removes one", async () => {
    // The holder registers a passkey through the API, as their browser would.
    const post = async (path: string, body: unknown, token?: string) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (token) headers.Authorization = `Bearer ${token}`;
      const answer = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      return answer.status === 204 ? {} : ((await answer.json()) as Record<string, unknown>);
    };
    const { tokens } = (await post('/auth/login', HOLDER)) as { tokens: { accessToken: string } };
    const { options } = (await post('/me/passkeys/options', {}, tokens.accessToken)) as {
      options: Parameters<SoftwareAuthenticator['register']>[0];
    };
    const credential = SoftwareAuthenticator.create().register(options, base);
    await post('/me/passkeys', { credential }, tokens.accessToken);

    const { page, problems } = await consolePage(browser, base);
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.fill('#filter-form input[name=email]', HOLDER.email);
    await page.press('#filter-form input[name=email]', 'Enter');
    await page.click('#users-table tr.user');
    const row = `#user-passkeys tr[data-credential-id="${credential.id}"]`;
    await page.waitForSelector(row);
    expect(await page.locator('#user-passkeys-empty').isVisible()).toBe(false);

    await page.click(`${row} button`);
    await page.waitForFunction(() =>
      document.querySelector('#notice')?.textContent?.startsWith('Passkey removed'),
    );
    expect(await page.locator(`${row} td`).nth(2).textContent()).toMatch(/^\d{4}-/);
    expect(await page.locator(`${row} button`).count()).toBe(0);
    expect(problems).toEqual([]);
  }, 60_000);
});
