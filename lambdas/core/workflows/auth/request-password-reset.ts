import { EMAIL_SEND_LIMITS } from '../../domain/send-limits';
import type { RateLimiter } from '../../ports/rate-limiter';
import type { SelfService } from '../../ports/self-service';
import { enumerationSafeSend } from '../common/enumeration-safe-send';

/** At most this many reset emails per address, and for all addresses together, per window. */
export const RESET_LIMITS = EMAIL_SEND_LIMITS;

export const RESET_REQUESTED_MESSAGE =
  'If an account exists for this email, a password reset code is on its way.';

/**
 * requestPasswordReset — `POST /auth/password/forgot`: Cognito `ForgotPassword`
 * emails a 6-digit code. Always the same `202` whether or not the account
 * exists: after the rate limits (per email, then global, counted before any
 * lookup), every provider error is logged by name and swallowed; only a
 * ConfigurationError surfaces.
 */
export async function requestPasswordReset(
  ports: { selfService: SelfService; rateLimiter: RateLimiter },
  email: string,
): Promise<void> {
  await enumerationSafeSend(ports.rateLimiter, {
    scope: 'forgot-password',
    email,
    limits: RESET_LIMITS,
    send: () => ports.selfService.forgotPassword(email),
  });
}
