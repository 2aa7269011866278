import { InvalidPasswordError } from '../../domain/errors';
import { passwordPolicyViolations } from '../../domain/pool-policy';
import { log } from '../../log';
import type { Clock } from '../../ports/clock';
import type { SelfService } from '../../ports/self-service';
import type { UserStore } from '../../ports/user-store';

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
