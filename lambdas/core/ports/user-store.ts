import type { UserStatus } from '../domain/onboarding';
import type { UserRecord } from '../domain/user';

/** The `Users` table. */
export interface UserStore {
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
}
