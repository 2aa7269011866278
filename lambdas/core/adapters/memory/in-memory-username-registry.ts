import { NotFoundError, UsernameAlreadySetError, UsernameTakenError } from '../../domain/errors';
import { foldUsername, type UsernameRegistry } from '../../ports/username-registry';
import type { InMemoryUserStore } from './in-memory-user-store';

/** The `Usernames` table in memory, written together with the `Users` record like a DynamoDB transaction. */
export class InMemoryUsernameRegistry implements UsernameRegistry {
  private readonly owners = new Map<string, string>();

  constructor(private readonly users: InMemoryUserStore) {}

  async claim(userId: string, username: string): Promise<void> {
    const folded = foldUsername(username);
    // Both conditions first, then both writes, with no await in between: atomic like TransactWriteItems.
    const record = this.users.peek(userId);
    if (!record) throw new NotFoundError(`No user ${userId}.`);
    const owner = this.owners.get(folded);
    if (record.username !== undefined) throw new UsernameAlreadySetError();
    if (owner !== undefined) throw new UsernameTakenError();
    this.owners.set(folded, userId);
    this.users.setUsername(userId, username);
  }

  async release(userId: string, username: string): Promise<void> {
    const folded = foldUsername(username);
    if (this.owners.get(folded) === userId) this.owners.delete(folded);
  }
}
