import { signIn } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { AUTH } from './operations';

/**
 * POST /auth/refresh: new ID and access tokens (with rotation on, a new
 * refresh token too). A refresh token of a signed-out, disabled or deleted
 * user is 401 NOT_AUTHORIZED.
 */
export const handler = httpOperation(AUTH.refreshTokens, {}, async ({ body }) => ({
  status: 200,
  body: { tokens: await signIn().refresh(body.refreshToken) },
}));
