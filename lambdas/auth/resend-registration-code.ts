import { rateLimiter, selfService } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { resendRegistrationCode } from '../core/workflows/auth/resend-registration-code';
import { AUTH } from './operations';

/** POST /auth/register/resend: always 202, whether or not a sign-up is pending (core/workflows/auth/resend-registration-code.ts). */
export const handler = httpOperation(AUTH.resendRegistrationCode, {}, async ({ body }) => {
  await resendRegistrationCode({ selfService: selfService(), rateLimiter: rateLimiter() }, body.email);
  return {
    status: 202,
    body: { message: 'If a sign-up is waiting for confirmation, a new code is on its way.' },
  };
});
