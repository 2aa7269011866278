import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The admin console's Content-Security-Policy: its own script and style only,
 * requests to its own origin only, no inline code, no framing, no forms
 * posted elsewhere.
 */
export const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const FILES: Record<string, { file: string; type: string }> = {
  '/console': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/console/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/console/console.js': { file: 'console.js', type: 'text/javascript; charset=utf-8' },
  '/console/dom.js': { file: 'dom.js', type: 'text/javascript; charset=utf-8' },
  '/console/passkeys.js': { file: 'passkeys.js', type: 'text/javascript; charset=utf-8' },
  '/console/outbox.js': { file: 'outbox.js', type: 'text/javascript; charset=utf-8' },
  '/console/user-passkeys.js': { file: 'user-passkeys.js', type: 'text/javascript; charset=utf-8' },
  '/console/console.css': { file: 'console.css', type: 'text/css; charset=utf-8' },
  '/console/favicon.svg': { file: 'favicon.svg', type: 'image/svg+xml' },
  // Browsers ask for it on their own (a 404 here was a console error on every load).
  '/favicon.ico': { file: 'favicon.svg', type: 'image/svg+xml' },
};

/**
 * The console's static files (local/console/), with the strict CSP; undefined
 * for any other path. Read per request: editing the page needs no restart.
 */
export function consoleAsset(
  pathname: string,
): { statusCode: number; headers: Record<string, string>; body: string } | undefined {
  const entry = FILES[pathname];
  if (!entry) return undefined;
  return {
    statusCode: 200,
    headers: {
      'Content-Type': entry.type,
      'Content-Security-Policy': CONSOLE_CSP,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    },
    body: readFileSync(path.join(__dirname, 'console', entry.file), 'utf8'),
  };
}
