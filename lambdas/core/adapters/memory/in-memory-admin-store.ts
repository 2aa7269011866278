import { RecordExistsError } from '../../domain/errors';
import type { UserRecord } from '../../domain/user';
import type { AdminInfoRecord, AdminStore } from '../../ports/admin-store';
import type { InMemoryUserStore } from './in-memory-user-store';

/**
 * `AdminInfo` in memory, written together with the `Users` record like
 * DynamoDB's TransactWriteItems: both conditions are checked before either
 * write, with no await in between.
 */
export class InMemoryAdminStore implements AdminStore {
  private readonly records = new Map<string, AdminInfoRecord>();

  constructor(private readonly users: InMemoryUserStore) {}

  async createAdminRecords(user: UserRecord, adminInfo: AdminInfoRecord): Promise<void> {
    if (this.users.has(user.userId) || this.records.has(adminInfo.userId)) {
      throw new RecordExistsError(`Records for ${user.userId} exist already.`);
    }
    this.users.insert(user);
    this.records.set(adminInfo.userId, structuredClone(adminInfo));
  }

  async getAdminInfo(userId: string): Promise<AdminInfoRecord | undefined> {
    const record = this.records.get(userId);
    return record ? structuredClone(record) : undefined;
  }

  async deleteAdminInfo(userId: string): Promise<void> {
    this.records.delete(userId);
  }
}
