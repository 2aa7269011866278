import { NotAuthorizedError } from '../../../domain/errors';
import { passwordMatches } from './passwords';
import type { FakeUser } from './pool';

/**
 * Cognito's lockout after failed password sign-ins, as its developer guide
 * describes it ("Lockout behavior for failed sign-in attempts"): five failures
 * are free; the n-th failure after them locks the user out for 2^(n-5)
 * seconds, at most about 15 minutes; an attempt during a lockout is refused
 * with "Password attempts exceeded" and does not count; a right password
 * after the lockout, or 15 minutes without an attempt, starts again from
 * zero. Unknown users have no count (they cannot be locked).
 */
export const LOCKOUT = {
  freeFailures: 5,
  maxLockMs: 15 * 60_000,
  quietResetMs: 15 * 60_000,
} as const;

/** What the pool keeps per user between attempts. */
export interface LockoutState {
  failures: number;
  lastAttemptAt: number;
  lockedUntil?: number;
}

/**
 * Cognito's NotAuthorizedException "Password attempts exceeded". The port
 * answers it as a wrong password (its message), as the Cognito adapter maps
 * it, so a lockout tells nothing of whether the account exists; the fake's
 * Cognito API answers it with Cognito's own message.
 */
export class PasswordAttemptsExceededError extends NotAuthorizedError {
  static readonly cognitoMessage = 'Password attempts exceeded';
}

/**
 * A password check under the lockout: true for the right password (the count
 * starts again), false for a wrong one (counted, perhaps locking); throws
 * PasswordAttemptsExceededError while locked, whatever the password.
 */
export function passwordAccepted(user: FakeUser, password: string, now: number): boolean {
  if (user.lockout && now - user.lockout.lastAttemptAt >= LOCKOUT.quietResetMs) delete user.lockout;
  const state = user.lockout;
  if (state?.lockedUntil !== undefined && now < state.lockedUntil) {
    state.lastAttemptAt = now;
    throw new PasswordAttemptsExceededError();
  }
  if (passwordMatches(user.passwordHash, password)) {
    delete user.lockout;
    return true;
  }
  const failures = (state?.failures ?? 0) + 1;
  const over = failures - LOCKOUT.freeFailures;
  user.lockout = {
    failures,
    lastAttemptAt: now,
    ...(over >= 0 ? { lockedUntil: now + Math.min(2 ** over * 1000, LOCKOUT.maxLockMs) } : {}),
  };
  return false;
}
