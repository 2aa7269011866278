import { signInPolicyPorts } from '../core/deps/sign-in-ports';
import { httpOperation } from '../core/http/preset';
import { refreshTokens } from '../core/workflows/auth/refresh-tokens';
import { AUTH } from './operations';

/**
 * POST /auth/refresh: new ID and access tokens (with rotation on, a new
 * refresh token too). A refresh token of a signed-out, disabled or deleted
 * user is 401 NOT_AUTHORIZED (refreshTokens: core/workflows/auth/refresh-tokens.ts).
 */
export const handler = httpOperation(AUTH.refreshTokens, {}, async ({ body }) => ({
  status: 200,
  body: { tokens: await refreshTokens(signInPolicyPorts(), body.refreshToken) },
}));
