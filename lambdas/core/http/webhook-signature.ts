import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidSignatureError } from '../domain/errors';
import type { SecretName, SecretSource } from '../ports/secret-source';
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
