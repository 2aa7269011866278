import { accessTokenVerifier } from '../lambdas/core/deps';
import { UnauthenticatedError } from '../lambdas/core/domain/errors';
import { headerValue } from '../lambdas/core/http/headers';

/**
 * Emulates API Gateway's Cognito user pool authorizer for access tokens:
 * `Authorization: Bearer <accessToken>` verified with the same aws-jwt-verify
 * code (signature, issuer, client, expiry, the admin scope). Claims come out
 * as strings, the way API Gateway hands them to Lambda.
 */
export async function authorize(
  headers: Record<string, string | undefined>,
): Promise<Record<string, string>> {
  const header = headerValue(headers, 'authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
  if (!match?.[1]) throw new UnauthenticatedError();
  const token = match[1];
  const cached = verified.get(token);
  if (cached && cached.expiresAt > Date.now()) return cached.claims;
  const claims = await accessTokenVerifier().verify(token);
  const strings = Object.fromEntries(
    Object.entries(claims).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.join(',') : String(value),
    ]),
  );
  remember(token, strings, Number(claims.exp) * 1000);
  return strings;
}

/**
 * Verified claims by token, until the token's own `exp` — like the deployed
 * authorizer's result cache (5 minutes there; here never past expiry). Only
 * the signature check is cached: revocation (sign-out, disable, suspend) is
 * the caller gate's, in the function, on every request. Bounded: the oldest
 * entry goes first.
 */
const verified = new Map<string, { claims: Record<string, string>; expiresAt: number }>();
const MAX_CACHED_TOKENS = 10_000;

function remember(token: string, claims: Record<string, string>, expiresAt: number): void {
  if (!Number.isFinite(expiresAt)) return;
  if (verified.size >= MAX_CACHED_TOKENS) {
    const oldest = verified.keys().next().value;
    if (oldest !== undefined) verified.delete(oldest);
  }
  verified.set(token, { claims, expiresAt });
}
