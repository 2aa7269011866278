/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Where the console's browser tests save their screenshots (git-ignored). */
export const SHOTS = path.join(__dirname, '..', '..', 'test-output', 'console');

/** Debian's Chromium, headless, driven by playwright-core (no browser download; `.ci/run` installs it). */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  // --no-sandbox: the tests run as root on CI, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
}

/** The console at `base`, collecting every CSP violation and script error into `problems`. */
export async function consolePage(
  browser: Browser,
  base: string,
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  // The API's refusals are part of the walk; a page asset or icon the server lacks is not.
  page.on('response', (response) => {
    if (response.status() === 404) problems.push(`404: ${new URL(response.url()).pathname}`);
  });
  await page.goto(`${base}/console`);
  return { page, problems };
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.fill('#login-form input[name=email]', email);
  await page.fill('#login-form input[name=password]', password);
  await page.click('#login-form button[type=submit]');
}

/** Filters the users table by `email` and opens that user. */
export async function openUser(page: Page, email: string): Promise<void> {
  await page.fill('#filter-form input[name=email]', email);
  await page.click('#filter-form button[type=submit]');
  await page.waitForSelector('#users-table tbody tr.user');
  await page.click('#users-table tbody tr.user');
  await page.waitForSelector('#user-detail:not([hidden]) button[data-action=approve]');
}

/** Runs an admin action on the open user and waits for its notice. */
export async function runAction(page: Page, action: string, status: string): Promise<void> {
  await page.click(`#user-actions button[data-action=${action}]`);
  await page.waitForFunction(
    (expected) => document.querySelector('#notice')?.textContent === expected,
    `${action}: done (status ${status}).`,
  );
}

/** Runs the probe and answers what the page shows. */
export async function probe(page: Page): Promise<string | null> {
  await page.click('#probe');
  await page.waitForFunction(() =>
    document.querySelector('#probe-result')?.textContent?.startsWith('Connection'),
  );
  return page.textContent('#probe-result');
}

/** The parts of the page whose visibility each step of the console decides. */
const PARTS = [
  'sign-in',
  'login-form',
  'challenge-form',
  'new-password-field',
  'code-field',
  'sign-out',
  'console',
  'user-detail',
  'outbox',
] as const;

/** Which of the console's parts a person sees right now (rendered, not only present). */
export async function visibleParts(page: Page): Promise<string[]> {
  const shown: string[] = [];
  for (const id of PARTS) if (await page.locator(`#${id}`).isVisible()) shown.push(id);
  return shown;
}
