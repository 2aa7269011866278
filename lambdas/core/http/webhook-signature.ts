import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidSignatureError } from '../domain/errors';
import type { SecretName, SecretSource } from '../ports/secret-source';
import { headerValue } from './headers';
import type { OperationOptions } from './preset';

/** Hex HMAC-SHA256 of `body` under `secret`. */
export function hmacHex(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex digests; false for anything malformed. */
export function sameHexDigest(expectedHex: string, givenHex: string | undefined): boolean {
  if (!givenHex || !/^[0-9a-fA-F]+$/.test(givenHex) || givenHex.length !== expectedHex.length) return false;
  return timingSafeEqual(Buffer.from(expectedHex, 'hex'), Buffer.from(givenHex.toLowerCase(), 'hex'));
}

/**
 * The e-signature provider's scheme: hex HMAC-SHA256 of the raw body in the
 * `signature` query parameter. Checked before the body is even parsed.
 */
export function querySignature(
  secretName: SecretName,
  secrets: () => SecretSource,
): NonNullable<OperationOptions['authenticate']> {
  return async function verifyQuerySignature({ rawBody, event }) {
    const given = event.queryStringParameters?.signature;
    if (!given) throw new InvalidSignatureError();
    const expected = hmacHex(await secrets().get(secretName), rawBody);
    if (!sameHexDigest(expected, given)) throw new InvalidSignatureError();
  };
}

/** How far a `Stripe-Signature` timestamp may be from now (seconds), either way. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * The billing provider's scheme (Stripe's): header
 * `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`
 * (several `v1` allowed, during the provider's key rollover), the timestamp
 * within 5 minutes of now. Checked before the body is even parsed.
 */
export function stripeSignature(
  secretName: SecretName,
  secrets: () => SecretSource,
  now: () => Date,
): NonNullable<OperationOptions['authenticate']> {
  return async function verifyStripeSignature({ rawBody, event }) {
    const header = headerValue(event.headers, 'stripe-signature') ?? '';
    const parts = header.split(',').map((part) => part.trim().split('='));
    const timestamp = parts.find(([k]) => k === 't')?.[1];
    const signatures = parts.filter(([k]) => k === 'v1').map(([, v]) => v);
    if (!timestamp || !/^\d{1,12}$/.test(timestamp) || signatures.length === 0)
      throw new InvalidSignatureError();
    if (Math.abs(now().getTime() / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS)
      throw new InvalidSignatureError();
    const expected = hmacHex(await secrets().get(secretName), `${timestamp}.${rawBody}`);
    // Every candidate is compared (constant time each), so timing does not tell which matched.
    const matches = signatures.map((given) => sameHexDigest(expected, given));
    if (!matches.includes(true)) throw new InvalidSignatureError();
  };
}

/** A `Stripe-Signature` header for `rawBody` (tests, the local walk-through). */
export function stripeSignatureHeader(secret: string, rawBody: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmacHex(secret, `${t}.${rawBody}`)}`;
}
