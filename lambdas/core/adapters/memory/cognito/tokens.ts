import { randomBytes, randomUUID } from 'node:crypto';
import { UnauthenticatedError } from '../../../domain/errors';
import { COGNITO_ADMIN_SCOPE, TOKEN_VALIDITY } from '../../../domain/pool-policy';
import type { Tokens } from '../../../domain/tokens';
import { type JwtSigner, verifiedPayload } from '../jwt-signer';
import type { FakeUser, PoolConfig, PoolState } from './pool';

const DAY_MS = 86_400_000;

interface RefreshEntry {
  username: string;
  originJti: string;
  /** The sign-in's `auth_time`: a refresh keeps it, as Cognito's does (docs/fidelity.md). */
  authTime: number;
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

  /**
   * Tokens for `user`. A sign-in starts a new origin and a refresh token; a
   * refresh keeps the origin and, unless the client rotates, issues no new
   * refresh token.
   */
  issue(user: FakeUser, refresh?: { originJti: string; authTime: number; rotate: boolean }): Tokens {
    const now = Math.floor(this.config.clock().getTime() / 1000);
    const originJti = refresh?.originJti ?? randomUUID();
    const groups = [...user.groups];
    const common = {
      sub: user.username,
      iss: this.issuer,
      origin_jti: originJti,
      event_id: randomUUID(),
      auth_time: refresh?.authTime ?? now,
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
      // Cognito puts the user's readable standard attributes in the ID token too.
      ...(user.attributes.name ? { name: user.attributes.name } : {}),
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
    const tokens: Tokens = {
      idToken,
      accessToken,
      expiresIn: TOKEN_VALIDITY.accessTokenMinutes * 60,
      tokenType: 'Bearer',
    };
    if (refresh && !refresh.rotate) return tokens;
    const refreshToken = randomBytes(64).toString('base64url');
    this.refreshTokens.set(refreshToken, {
      username: user.username,
      originJti,
      authTime: refresh?.authTime ?? now,
      expiresAt: this.config.clock().getTime() + TOKEN_VALIDITY.refreshTokenDays * DAY_MS,
    });
    return { ...tokens, refreshToken };
  }

  /** The live refresh token's entry, or undefined (unknown, expired, revoked). */
  refreshEntry(token: string): RefreshEntry | undefined {
    const entry = this.refreshTokens.get(token);
    if (!entry || entry.expiresAt < this.config.clock().getTime()) return undefined;
    return entry;
  }

  /** With rotation, a used refresh token is spent. */
  spend(token: string): void {
    this.refreshTokens.delete(token);
  }

  /** GlobalSignOut: every refresh token dies, and every token issued until now is refused. */
  signOut(user: FakeUser): void {
    for (const [token, entry] of this.refreshTokens) {
      if (entry.username !== user.username) continue;
      user.revokedOrigins.add(entry.originJti);
      this.refreshTokens.delete(token);
    }
    user.signedOutAt = Math.floor(this.config.clock().getTime() / 1000);
  }

  /**
   * The user of an access token, as Cognito's token-authorized APIs check it:
   * signed by this pool, an access token of this client, not expired, its user
   * present and enabled, not revoked by a sign-out. Undefined otherwise.
   */
  userOfAccessToken(pool: PoolState, token: string): FakeUser | undefined {
    const claims = verifiedPayload(this.signer, token);
    if (claims?.token_use !== 'access' || claims.client_id !== this.config.clientId) return undefined;
    if (typeof claims.exp !== 'number' || claims.exp * 1000 < this.config.clock().getTime()) return undefined;
    const user = typeof claims.username === 'string' ? pool.byUsername(claims.username) : undefined;
    if (!user?.enabled || this.isRevoked(pool, claims)) return undefined;
    if (user.signedOutAt !== undefined && Number(claims.iat) < user.signedOutAt) return undefined;
    return user;
  }

  /** The user of an access token (userOfAccessToken), or UnauthenticatedError with `message`. */
  callerOf(
    pool: PoolState,
    token: string,
    message = 'The access token has been revoked or has expired.',
  ): FakeUser {
    const user = this.userOfAccessToken(pool, token);
    if (!user) throw new UnauthenticatedError(message);
    return user;
  }

  /** RevokeToken: the refresh token and every access token issued from it (its origin) stop working. */
  revokeRefreshToken(token: string): void {
    const entry = this.refreshTokens.get(token);
    if (!entry) return;
    this.refreshTokens.delete(token);
    for (const [other, e] of this.refreshTokens)
      if (e.originJti === entry.originJti) this.refreshTokens.delete(other);
    // The user's revocation list lives on the user (pool state); the sign-in checks it by origin.
    this.revokedOrigins.add(entry.originJti);
  }

  /** Origins revoked by RevokeToken (the user's own list covers GlobalSignOut). */
  readonly revokedOrigins = new Set<string>();

  /** Every refresh token of a deleted user dies with it. */
  forget(username: string): void {
    for (const [token, entry] of this.refreshTokens)
      if (entry.username === username) this.refreshTokens.delete(token);
  }

  /** Whether a verified access token has been revoked: its user is gone or signed out of its origin. */
  isRevoked(pool: PoolState, claims: { username?: unknown; origin_jti?: unknown }): boolean {
    const user = typeof claims.username === 'string' ? pool.byUsername(claims.username) : undefined;
    if (!user) return true;
    const origin = typeof claims.origin_jti === 'string' ? claims.origin_jti : undefined;
    return origin !== undefined && (user.revokedOrigins.has(origin) || this.revokedOrigins.has(origin));
  }
}
