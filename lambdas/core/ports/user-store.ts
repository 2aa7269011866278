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
    patch?: Partial<Pick<UserRecord, 'emailVerified' | 'previousStatus'>>,
  ): Promise<UserRecord>;

  /**
   * Revokes every access token of `userId` issued before `at`: sets
   * `tokensValidAfter` to the millisecond (the caller gate asks Cognito about
   * tokens of that very second). Throws NotFoundError when there is no record.
   */
  revokeTokens(userId: string, at: Date): Promise<void>;

  /** Records a password reset (`passwordResetAt`). Throws NotFoundError when there is no record. */
  recordPasswordReset(userId: string, at: Date): Promise<void>;

  /** Replaces the record's `mfa` and returns the record. Throws NotFoundError when there is none. */
  setMfa(userId: string, mfa: UserRecord['mfa']): Promise<UserRecord>;

  /**
   * One page of records, in the table's own order: at most `limit`, after the
   * record `after` (a `userId` from a previous page's `last`). `last` is set
   * when there may be more.
   */
  list(page: { limit: number; after?: string }): Promise<{ records: UserRecord[]; last?: string }>;

  /** Sets the profile fields an admin may change; returns the record. Throws NotFoundError when there is none. */
  update(userId: string, patch: ProfilePatch): Promise<UserRecord>;

  /** How many records there are (a full count: for the admin page's sync figure). */
  count(): Promise<number>;

  /** Deletes the record. Idempotent: deleting a missing record succeeds. */
  delete(userId: string): Promise<void>;
}

/** The `Users` fields mirrored from the Cognito attributes an admin may change. */
export type ProfilePatch = Partial<Pick<UserRecord, 'name' | 'role' | 'organizationId'>>;
