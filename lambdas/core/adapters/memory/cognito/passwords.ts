import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { InvalidPasswordError } from '../../../domain/errors';
import { PASSWORD_POLICY, passwordPolicyViolations } from '../../../domain/pool-policy';

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

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '!#$%&*+-=?@^_';

/** A password that satisfies PASSWORD_POLICY, like the ones Cognito generates. */
export function generateTemporaryPassword(): string {
  const all = UPPER + LOWER + DIGITS + SYMBOLS;
  const pick = (set: string) => set.charAt(randomInt(set.length));
  const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < Math.max(12, PASSWORD_POLICY.minLength)) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
