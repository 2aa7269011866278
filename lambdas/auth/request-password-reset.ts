import { rateLimiter, selfService } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { RESET_REQUESTED_MESSAGE, requestPasswordReset } from '../core/workflows/auth/request-password-reset';
import { AUTH } from './operations';

/** POST /auth/password/forgot: always 202, whether or not the account exists (core/workflows/auth/request-password-reset.ts). */
export const handler = httpOperation(AUTH.requestPasswordReset, {}, async ({ body }) => {
  await requestPasswordReset({ selfService: selfService(), rateLimiter: rateLimiter() }, body.email);
  return { status: 202, body: { message: RESET_REQUESTED_MESSAGE } };
});
