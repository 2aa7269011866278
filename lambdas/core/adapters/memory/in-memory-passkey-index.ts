import { NotFoundError } from '../../domain/errors';
import type { IndexedPasskey, PasskeyIndex } from '../../ports/passkey-index';

/** The `Passkeys` table in memory. */
export class InMemoryPasskeyIndex implements PasskeyIndex {
  private readonly items = new Map<string, IndexedPasskey>();

  async find(credentialId: string): Promise<IndexedPasskey | undefined> {
    const item = this.items.get(credentialId);
    return item ? { ...item } : undefined;
  }

  async add(passkey: Pick<IndexedPasskey, 'credentialId' | 'userId' | 'createdAt'>): Promise<boolean> {
    const existing = this.items.get(passkey.credentialId);
    if (existing) return existing.userId === passkey.userId;
    this.items.set(passkey.credentialId, { ...passkey });
    return true;
  }

  async listOf(userId: string): Promise<IndexedPasskey[]> {
    return [...this.items.values()]
      .filter((item) => item.userId === userId)
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
      .map((item) => ({ ...item }));
  }

  async markRemoved(userId: string, credentialId: string, by: string, at: Date): Promise<void> {
    const item = this.items.get(credentialId);
    if (item?.userId !== userId) throw new NotFoundError('No such passkey.');
    item.removedAt ??= at.toISOString();
    item.removedBy ??= by;
  }

  async forget(credentialId: string): Promise<void> {
    this.items.delete(credentialId);
  }
}
