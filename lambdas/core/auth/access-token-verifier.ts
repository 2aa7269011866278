import type { Jwks } from 'aws-jwt-verify/jwk';
import { UnauthenticatedError } from '../domain/errors';
import { COGNITO_ADMIN_SCOPE } from '../domain/pool-policy';

/** Verified claims of a Cognito access token. */
export type AccessTokenClaims = Record<string, unknown> & { sub: string; username: string };

/** Verifies Cognito access tokens of one pool and client. */
export interface AccessTokenVerifier {
  /** Throws UnauthenticatedError for a missing, malformed, expired, foreign or revoked token. */
  verify(token: string | undefined): Promise<AccessTokenClaims>;
}

export interface CognitoAccessTokenVerifierOptions {
  userPoolId: string;
  clientId: string;
  /** Preloaded JWKS (mock mode): no HTTP fetch happens. */
  jwks?: Jwks;
  /**
   * Where to fetch the JWKS from instead of Cognito's own URL (local emulators);
   * fetched once, then the same verification path runs.
   */
  jwksUri?: string;
  /**
   * Never fetch a JWKS (mock mode): a token whose `kid` is not in `jwks` is
   * refused at once instead of sending the verifier to Cognito's JWKS URL.
   * @default false
   */
  offline?: boolean;
}

/**
 * The production verification path (aws-jwt-verify's CognitoJwtVerifier):
 * RS256 signature, issuer, `token_use: access`, `client_id`, expiry, and the
 * `aws.cognito.signin.user.admin` scope that the API authorizer requires.
 */
export function cognitoAccessTokenVerifier(options: CognitoAccessTokenVerifierOptions): AccessTokenVerifier {
  // aws-jwt-verify is not marked side-effect free: loading it on first use keeps
  // it out of the cold start of every function that imports the composition root.
  let verifier: Promise<{ verify(token: string): Promise<unknown> }> | undefined;
  const load = () => {
    if (verifier) return verifier;
    verifier = Promise.all([import('aws-jwt-verify'), import('aws-jwt-verify/jwk')]).then(
      async ([{ CognitoJwtVerifier }, { SimpleJwksCache }]) => {
        const jwksCache = options.offline
          ? new SimpleJwksCache({
              fetcher: {
                fetch: async () => {
                  throw new Error('JWKS fetching is off (mock mode): the key is unknown.');
                },
              },
            })
          : undefined;
        const created = CognitoJwtVerifier.create(
          {
            userPoolId: options.userPoolId,
            tokenUse: 'access',
            clientId: options.clientId,
            scope: COGNITO_ADMIN_SCOPE,
          },
          ...(jwksCache ? [{ jwksCache }] : []),
        );
        const jwks = options.jwks ?? (options.jwksUri ? await fetchJwks(options.jwksUri) : undefined);
        if (jwks) created.cacheJwks(jwks);
        return created;
      },
    );
    // A failed JWKS fetch must not stick: the next request tries again.
    verifier.catch(() => {
      verifier = undefined;
    });
    return verifier;
  };
  return {
    async verify(token) {
      if (!token) throw new UnauthenticatedError();
      const jwt = await load();
      let claims: AccessTokenClaims;
      try {
        claims = (await jwt.verify(token)) as AccessTokenClaims;
      } catch {
        throw new UnauthenticatedError('The access token is invalid or has expired.');
      }
      // aws-jwt-verify checks `exp` only when present (it is optional in RFC 7519); every token
      // Cognito issues has both, and the caller gate compares `iat` with revocations.
      if (!Number.isFinite(claims.exp) || !Number.isFinite(claims.iat)) {
        throw new UnauthenticatedError('The access token is invalid or has expired.');
      }
      return claims;
    },
  };
}

async function fetchJwks(uri: string): Promise<Jwks> {
  const response = await fetch(uri);
  if (!response.ok) throw new Error(`JWKS request to ${uri} answered ${response.status}.`);
  return (await response.json()) as Jwks;
}
