import type { UserRecord } from '../domain/user';

/** A record of the `AdminInfo` table, linked to the `Users` record by `userId` (the Cognito sub). */
export interface AdminInfoRecord {
  userId: string;
  /** The `sub` of the admin who provisioned this one (or `bootstrap` for the first admin). */
  createdBy: string;
  createdAt: string;
  invitedAt?: string;
  /** SHA-256 of "<creator sub>:<Idempotency-Key>", to replay a retried request; never returned by the API. */
  idempotencyKey?: string;
}

/** The admin's two records, written together. */
export interface AdminStore {
  /**
   * Writes the `Users` record and the `AdminInfo` record in ONE transaction,
   * each only if absent; throws RecordExistsError (and writes neither) when
   * either exists.
   */
  createAdminRecords(user: UserRecord, adminInfo: AdminInfoRecord): Promise<void>;
  getAdminInfo(userId: string): Promise<AdminInfoRecord | undefined>;
  /** Deletes the `AdminInfo` record. Idempotent. */
  deleteAdminInfo(userId: string): Promise<void>;
}
