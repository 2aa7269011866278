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
  if (!match) throw new UnauthenticatedError();
  const claims = await accessTokenVerifier().verify(match[1]);
  return Object.fromEntries(
    Object.entries(claims).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.join(',') : String(value),
    ]),
  );
}
