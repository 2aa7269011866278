import { rateLimiter, userDirectory } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { RESEND_MESSAGE, resendTemporaryPassword } from '../core/workflows/auth/resend-temporary-password';
import { AUTH } from './operations';

/** POST /auth/temporary-password/resend: always 202, whether or not the account exists (core/workflows/auth/resend-temporary-password.ts). */
export const handler = httpOperation(AUTH.resendTemporaryPassword, {}, async ({ body }) => {
  await resendTemporaryPassword({ directory: userDirectory(), rateLimiter: rateLimiter() }, body.email);
  return { status: 202, body: { message: RESEND_MESSAGE } };
});
