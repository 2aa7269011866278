import { generateTemporaryPassword } from '../../../lambdas/core/adapters/memory/cognito';
import { normalizeEmail } from '../../../lambdas/core/domain/email';
import { InvalidTransitionError } from '../../../lambdas/core/domain/errors';
import {
  nextStatus,
  ONBOARDING_EVENTS,
  type OnboardingEvent,
  TRANSITIONS,
  USER_STATUSES,
  type UserStatus,
} from '../../../lambdas/core/domain/onboarding';
import { passwordPolicyViolations } from '../../../lambdas/core/domain/pool-policy';

describe('the password policy', () => {
  it.each([
    ['Str0ng!Passw0rd', []],
    ['Sh0rt!a', ['at least 8 characters']],
    ['NOLOWER1!', ['a lower-case letter']],
    ['noupper1!', ['an upper-case letter']],
    ['NoDigits!', ['a digit']],
    ['NoSymbol12', ['a symbol']],
    ['', ['at least 8 characters', 'an upper-case letter', 'a lower-case letter', 'a digit', 'a symbol']],
  ])('%j lacks %j', (password, missing) => {
    expect(passwordPolicyViolations(password)).toEqual(missing);
  });

  it('is met by every generated temporary password', () => {
    for (let i = 0; i < 200; i++) expect(passwordPolicyViolations(generateTemporaryPassword())).toEqual([]);
  });
});

describe('the onboarding ladder', () => {
  const allowed: Array<[UserStatus, OnboardingEvent, UserStatus]> = [
    ['pending_verification', 'emailConfirmed', 'pending_approval'],
    ['pending_approval', 'adminApproved', 'pending_mfa'],
    ['pending_approval', 'adminRejected', 'rejected'],
    ['pending_mfa', 'totpEnrolled', 'pending_subscription'],
    ['pending_subscription', 'subscriptionCreated', 'active'],
    ...USER_STATUSES.map((s): [UserStatus, OnboardingEvent, UserStatus] => [
      s,
      'adminSuspended',
      'suspended',
    ]),
    ...USER_STATUSES.map((s): [UserStatus, OnboardingEvent, UserStatus] => [s, 'adminDisabled', 'disabled']),
    ['suspended', 'adminEnabled', 'active'],
    ['disabled', 'adminEnabled', 'active'],
  ];

  it.each(allowed)('%s --%s--> %s', (from, event, to) => {
    expect(nextStatus(from, event)).toBe(to);
  });

  it('refuses every other (status, event) pair with InvalidTransitionError', () => {
    let refused = 0;
    for (const status of USER_STATUSES) {
      for (const event of ONBOARDING_EVENTS) {
        if (allowed.some(([f, e]) => f === status && e === event)) continue;
        expect(() => nextStatus(status, event)).toThrow(InvalidTransitionError);
        refused++;
      }
    }
    expect(refused).toBe(USER_STATUSES.length * ONBOARDING_EVENTS.length - allowed.length);
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ONBOARDING_EVENTS].sort());
  });

  it('re-enabling returns to the status before the suspension', () => {
    expect(nextStatus('suspended', 'adminEnabled', 'pending_mfa')).toBe('pending_mfa');
    expect(nextStatus('disabled', 'adminEnabled', 'suspended')).toBe('active');
  });
});

describe('emails', () => {
  it('are trimmed and lower-cased', () => {
    expect(normalizeEmail('  Jane.Doe@Example.COM ')).toBe('jane.doe@example.com');
  });
});
