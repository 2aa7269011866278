import type { UserStatus } from '../domain/onboarding';
import type { UserRecord } from '../domain/user';

/** The `Users` table. */
export interface UserStore {
  /** A strongly consistent read (the revocation check relies on it). */
  get(userId: string): Promise<UserRecord | undefined>;
  /** Looks up by the (normalized) email through the email index. */
  findByEmail(email: string): Promise<UserRecord | undefined>;
  /** Writes a new record; throws RecordExistsError when `userId` is taken. */
  create(record: UserRecord): Promise<void>;
  /**
   * Moves `userId` from `from` to `to` (and applies `patch`) only if the record
   * is still in `from`; throws InvalidTransitionError when it is not, and
   * NotFoundError when there is no record.
   */
  transition(
    userId: string,
    from: UserStatus,
    to: UserStatus,
    patch?: Partial<Pick<UserRecord, 'emailVerified' | 'previousStatus' | 'mfa'>>,
  ): Promise<UserRecord>;

  /**
   * Revokes every access token of `userId` issued before `at`: sets
   * `tokensValidAfter` to the millisecond (the caller gate asks Cognito about
   * tokens of that very second). With `holdFactors`, in the same write, the
   * account's passwordless factors are held from `at` (`factorHold`) until a
   * password sign-in releases them. Throws NotFoundError when there is no record.
   */
  revokeTokens(userId: string, at: Date, options?: { holdFactors?: boolean }): Promise<void>;

  /**
   * Ends the hold that began at `heldAt` (`factorHold.releasedAt` = `at`);
   * nothing when a newer hold has replaced it or there is no record.
   */
  releaseFactorHold(userId: string, heldAt: string, at: Date): Promise<void>;

  /** Records a password reset (`passwordResetAt`). Throws NotFoundError when there is no record. */
  recordPasswordReset(userId: string, at: Date): Promise<void>;

  /** Replaces the record's `mfa` and returns the record. Throws NotFoundError when there is none. */
  setMfa(userId: string, mfa: UserRecord['mfa']): Promise<UserRecord>;

  /**
   * One page of records, newest first (`createdAt`), of one onboarding
   * `status` or of all: at most `limit`, after the position `after` (a previous
   * page's `last`, opaque). `last` is set when there may be more. Its cost is
   * bounded by `limit`, whatever the number of records.
   */
  list(page: { limit: number; after?: string; status?: UserStatus }): Promise<UserPage>;

  /** Sets the profile fields an admin may change; returns the record. Throws NotFoundError when there is none. */
  update(userId: string, patch: ProfilePatch): Promise<UserRecord>;

  /**
   * About how many records there are, without reading them: DynamoDB's own
   * item count, which it refreshes about every six hours (the fake: exact).
   */
  estimatedCount(): Promise<number>;

  /** Deletes the record. Idempotent: deleting a missing record succeeds. */
  delete(userId: string): Promise<void>;
}

/** The `Users` fields mirrored from the Cognito attributes an admin may change. */
export type ProfilePatch = Partial<Pick<UserRecord, 'name' | 'role' | 'organizationId'>>;

/** A page of `Users` records and, when there may be more, where the next one starts (opaque). */
export interface UserPage {
  records: UserRecord[];
  last?: string;
}
