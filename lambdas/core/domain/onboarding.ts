import { InvalidTransitionError } from './errors';

/** The onboarding ladder mirrored in `Users.status` (docs/api.md). */
export const USER_STATUSES = [
  'pending_verification',
  'pending_approval',
  'pending_mfa',
  'pending_subscription',
  'active',
  'suspended',
  'disabled',
  'rejected',
] as const;

export type UserStatus = (typeof USER_STATUSES)[number];

export const ONBOARDING_EVENTS = [
  'emailConfirmed',
  'adminApproved',
  'adminRejected',
  'totpEnrolled',
  'subscriptionCreated',
  'adminSuspended',
  'adminDisabled',
  'adminEnabled',
] as const;

export type OnboardingEvent = (typeof ONBOARDING_EVENTS)[number];

/** Statuses a record may be created in, by the event that creates it. */
export const INITIAL_STATUS = {
  selfSignUp: 'pending_verification',
  applicationReceived: 'pending_verification',
  adminProvisioned: 'active',
  /** A user of the legacy app, moved in by the UserMigration trigger at their first sign-in. */
  legacyMigrated: 'active',
} as const satisfies Record<string, UserStatus>;

const ANY: readonly UserStatus[] = USER_STATUSES;

/**
 * The transition table: event -> statuses it may start from -> where it goes.
 * `adminEnabled` goes back to the status before the suspension when known
 * (`previousStatus`), else to `active`.
 */
export const TRANSITIONS: Record<
  OnboardingEvent,
  { from: readonly UserStatus[]; to: UserStatus | 'previous' }
> = {
  emailConfirmed: { from: ['pending_verification'], to: 'pending_approval' },
  adminApproved: { from: ['pending_approval'], to: 'pending_mfa' },
  adminRejected: { from: ['pending_approval'], to: 'rejected' },
  totpEnrolled: { from: ['pending_mfa'], to: 'pending_subscription' },
  subscriptionCreated: { from: ['pending_subscription'], to: 'active' },
  adminSuspended: { from: ANY, to: 'suspended' },
  adminDisabled: { from: ANY, to: 'disabled' },
  adminEnabled: { from: ['suspended', 'disabled'], to: 'previous' },
};

/** Where `event` takes a user in `status`; throws InvalidTransitionError when the ladder forbids it. */
export function nextStatus(
  status: UserStatus,
  event: OnboardingEvent,
  previousStatus?: UserStatus,
): UserStatus {
  const rule = TRANSITIONS[event];
  if (!rule.from.includes(status)) {
    throw new InvalidTransitionError(`Cannot apply ${event} to a user who is ${status}.`);
  }
  if (rule.to !== 'previous') return rule.to;
  const back = previousStatus && previousStatus !== 'suspended' && previousStatus !== 'disabled';
  return back ? previousStatus : 'active';
}
