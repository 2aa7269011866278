import { createHmac, timingSafeEqual } from 'node:crypto';
import { RequestValidationError } from './errors';

const INVALID = () => new RequestValidationError('cursor', 'cursor: not a cursor of this query');

function mac(key: string, payload: string): Buffer {
  return createHmac('sha256', key).update(`cursor|${payload}`).digest();
}

/**
 * An opaque paging cursor: `<base64url JSON {after, query}>.<base64url HMAC>`.
 * `query` names the query it pages (the filter), so a cursor altered, or
 * taken from another query, is refused (400 VALIDATION_ERROR) — never a scan
 * of something else.
 */
export function sealCursor(key: string, position: { after: string; query: string }): string {
  const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

/** The position a cursor holds, if it was sealed with `key` for `query`; else RequestValidationError. */
export function openCursor(key: string, cursor: string, query: string): { after: string } {
  const [payload, signature, extra] = cursor.split('.');
  if (!payload || !signature || extra !== undefined) throw INVALID();
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(key, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw INVALID();
  const position = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    after?: unknown;
    query?: unknown;
  };
  if (typeof position.after !== 'string' || position.query !== query) throw INVALID();
  return { after: position.after };
}
