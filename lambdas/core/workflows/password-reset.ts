import { InvalidPasswordError } from '../domain/errors';
import { passwordPolicyViolations } from '../domain/pool-policy';
import { EMAIL_SEND_LIMITS } from '../domain/send-limits';
import { log } from '../log';
import type { Clock } from '../ports/clock';
import type { RateLimiter } from '../ports/rate-limiter';
import type { SelfService } from '../ports/self-service';
import type { UserStore } from '../ports/user-store';
import { enumerationSafeSend } from './enumeration-safe-send';

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

/**
 * resetPassword — `POST /auth/password/reset`: Cognito `ConfirmForgotPassword`
 * with the emailed code; the old password stops working. Then `Users`
 * records `passwordResetAt` (best effort: Cognito holds the password; a
 * failed write is logged, not answered). A wrong code (also for an unknown
 * email) is 400 CODE_MISMATCH, an expired one 400 CODE_EXPIRED, too many wrong
 * tries 429; a weak password 400 INVALID_PASSWORD, checked first.
 */
export async function resetPassword(
  ports: { selfService: SelfService; users: UserStore; clock: Clock },
  input: { email: string; code: string; newPassword: string },
): Promise<void> {
  const missing = passwordPolicyViolations(input.newPassword);
  if (missing.length > 0) throw new InvalidPasswordError(`newPassword needs ${missing.join(', ')}.`);
  await ports.selfService.confirmForgotPassword(input);
  try {
    const record = await ports.users.findByEmail(input.email);
    if (record) await ports.users.recordPasswordReset(record.userId, ports.clock());
  } catch (error) {
    log('error', 'password reset not recorded', { error: error instanceof Error ? error.name : 'Unknown' });
  }
}
