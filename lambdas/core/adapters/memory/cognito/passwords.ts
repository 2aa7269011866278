import { createHash, timingSafeEqual } from 'node:crypto';
import { InvalidPasswordError } from '../../../domain/errors';
import { passwordPolicyViolations } from '../../../domain/pool-policy';

export { generateTemporaryPassword } from '../../../domain/temporary-password';

/** Throws InvalidPasswordError, as Cognito does, for a password that fails the pool policy. */
export function assertPolicy(password: string): void {
  const missing = passwordPolicyViolations(password);
  if (missing.length > 0) {
    throw new InvalidPasswordError(`Password does not conform to policy: it needs ${missing.join(', ')}.`);
  }
}

// Compared as fixed-length digests, so the comparison is constant time.
export function hashPassword(password: string): Buffer {
  return createHash('sha256').update(password).digest();
}

export function passwordMatches(expected: Buffer, password: string): boolean {
  return timingSafeEqual(expected, hashPassword(password));
}
