import { EMAIL_SEND_LIMITS } from '../../domain/send-limits';
import type { RateLimiter } from '../../ports/rate-limiter';
import type { SelfService } from '../../ports/self-service';
import { enumerationSafeSend } from '../common/enumeration-safe-send';

/** At most this many confirmation-code resends per address, and for all together, per window. */
export const REGISTRATION_RESEND_LIMITS = EMAIL_SEND_LIMITS;

/**
 * resendRegistrationCode — `POST /auth/register/resend`: Cognito
 * `ResendConfirmationCode` behind the rate limits; every provider error is
 * logged by name and swallowed, so the answer is always the same `202`.
 */
export async function resendRegistrationCode(
  ports: { selfService: SelfService; rateLimiter: RateLimiter },
  email: string,
): Promise<void> {
  await enumerationSafeSend(ports.rateLimiter, {
    scope: 'resend-confirmation',
    email,
    limits: REGISTRATION_RESEND_LIMITS,
    send: () => ports.selfService.resendConfirmationCode(email),
  });
}
