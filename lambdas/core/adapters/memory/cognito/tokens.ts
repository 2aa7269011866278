import { randomBytes, randomUUID } from 'node:crypto';
import { COGNITO_ADMIN_SCOPE, TOKEN_VALIDITY } from '../../../domain/pool-policy';
import type { Tokens } from '../../../domain/tokens';
import type { JwtSigner } from '../jwt-signer';
import type { FakeUser, PoolConfig, PoolState } from './pool';

const DAY_MS = 86_400_000;

interface RefreshEntry {
  username: string;
  originJti: string;
  expiresAt: number;
}

/** RS256 ID, access and refresh tokens with Cognito's claims, and the pool's revocation state. */
export class TokenIssuer {
  readonly issuer: string;
  private readonly refreshTokens = new Map<string, RefreshEntry>();

  constructor(
    private readonly config: PoolConfig,
    private readonly signer: JwtSigner,
  ) {
    this.issuer = `https://cognito-idp.${config.region}.amazonaws.com/${config.userPoolId}`;
  }

  issue(user: FakeUser): Tokens {
    const now = Math.floor(this.config.clock().getTime() / 1000);
    const originJti = randomUUID();
    const groups = [...user.groups];
    const common = {
      sub: user.username,
      iss: this.issuer,
      origin_jti: originJti,
      event_id: randomUUID(),
      auth_time: now,
      iat: now,
      ...(groups.length > 0 ? { 'cognito:groups': groups } : {}),
    };
    const customClaims = Object.fromEntries(
      Object.entries(user.attributes).filter(([k]) => k.startsWith('custom:')),
    );
    const idToken = this.signer.sign({
      ...common,
      ...customClaims,
      aud: this.config.clientId,
      token_use: 'id',
      'cognito:username': user.username,
      email: user.email,
      email_verified: user.attributes.email_verified === 'true',
      exp: now + TOKEN_VALIDITY.idTokenMinutes * 60,
      jti: randomUUID(),
    });
    const accessToken = this.signer.sign({
      ...common,
      client_id: this.config.clientId,
      token_use: 'access',
      scope: COGNITO_ADMIN_SCOPE,
      username: user.username,
      exp: now + TOKEN_VALIDITY.accessTokenMinutes * 60,
      jti: randomUUID(),
    });
    const refreshToken = randomBytes(64).toString('base64url');
    this.refreshTokens.set(refreshToken, {
      username: user.username,
      originJti,
      expiresAt: this.config.clock().getTime() + TOKEN_VALIDITY.refreshTokenDays * DAY_MS,
    });
    return {
      idToken,
      accessToken,
      refreshToken,
      expiresIn: TOKEN_VALIDITY.accessTokenMinutes * 60,
      tokenType: 'Bearer',
    };
  }

  /** Every refresh token of a deleted user dies with it. */
  forget(username: string): void {
    for (const [token, entry] of this.refreshTokens)
      if (entry.username === username) this.refreshTokens.delete(token);
  }

  /** Whether a verified access token has been revoked: its user is gone or signed out of its origin. */
  isRevoked(pool: PoolState, claims: { username?: unknown; origin_jti?: unknown }): boolean {
    const user = typeof claims.username === 'string' ? pool.byUsername(claims.username) : undefined;
    return !user || (typeof claims.origin_jti === 'string' && user.revokedOrigins.has(claims.origin_jti));
  }
}
