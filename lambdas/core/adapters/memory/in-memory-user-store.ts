import { normalizeEmail } from '../../domain/email';
import { InvalidTransitionError, NotFoundError, RecordExistsError } from '../../domain/errors';
import type { UserStatus } from '../../domain/onboarding';
import { revocationInstant, type UserRecord } from '../../domain/user';
import { type Clock, systemClock } from '../../ports/clock';
import type { ProfilePatch, UserPage, UserStore } from '../../ports/user-store';

/** The `Users` table in memory, with the same conditional-write semantics as the DynamoDB adapter. */
export class InMemoryUserStore implements UserStore {
  private readonly records = new Map<string, UserRecord>();

  constructor(private readonly clock: Clock = systemClock) {}

  async get(userId: string): Promise<UserRecord | undefined> {
    return copy(this.records.get(userId));
  }

  async findByEmail(email: string): Promise<UserRecord | undefined> {
    const wanted = normalizeEmail(email);
    return copy([...this.records.values()].find((r) => r.email === wanted));
  }

  async create(record: UserRecord): Promise<void> {
    this.insert(record);
  }

  /** The live record, synchronously (for the in-memory username registry's transaction); never handed out. */
  peek(userId: string): Readonly<UserRecord> | undefined {
    return this.records.get(userId);
  }

  /** Sets the record's username, synchronously (the registry's half of the transaction). */
  setUsername(userId: string, username: string): void {
    const record = this.records.get(userId);
    if (record) Object.assign(record, { username, updatedAt: this.clock().toISOString() });
  }

  /** Whether a record exists, synchronously (for the in-memory admin store's transaction). */
  has(userId: string): boolean {
    return this.records.has(userId);
  }

  /** Synchronous conditional insert, so another in-memory store can write atomically with it. */
  insert(record: UserRecord): void {
    if (this.records.has(record.userId)) throw new RecordExistsError(`User ${record.userId} exists already.`);
    this.records.set(record.userId, structuredClone(record));
  }

  async transition(
    userId: string,
    from: UserStatus,
    to: UserStatus,
    patch: Partial<Pick<UserRecord, 'emailVerified' | 'previousStatus' | 'mfa'>> = {},
  ): Promise<UserRecord> {
    const record = this.records.get(userId);
    if (!record) throw new NotFoundError(`No user ${userId}.`);
    if (record.status !== from) {
      throw new InvalidTransitionError(`User ${userId} is ${record.status}, not ${from}.`);
    }
    const next: UserRecord = { ...record, ...patch, status: to, updatedAt: this.clock().toISOString() };
    this.records.set(userId, next);
    return structuredClone(next);
  }

  async recordPasswordReset(userId: string, at: Date): Promise<void> {
    const record = this.records.get(userId);
    if (!record) throw new NotFoundError(`No user ${userId}.`);
    record.passwordResetAt = at.toISOString();
  }

  async setMfa(userId: string, mfa: UserRecord['mfa']): Promise<UserRecord> {
    const record = this.records.get(userId);
    if (!record) throw new NotFoundError(`No user ${userId}.`);
    record.mfa = structuredClone(mfa);
    record.updatedAt = this.clock().toISOString();
    return structuredClone(record);
  }

  /** In `userId` order (DynamoDB's scan order is its own; callers rely on no order). */
  async list(page: { limit: number; after?: string; status?: UserStatus }): Promise<UserPage> {
    const sorted = [...this.records.values()]
      .filter((r) => page.status === undefined || r.status === page.status)
      .sort(newestFirst);
    // The position is the last record served (by its sort fields: it may be gone since).
    const after = page.after === undefined ? undefined : (JSON.parse(page.after) as UserRecord);
    const rest = after === undefined ? sorted : sorted.filter((r) => newestFirst(after, r) < 0);
    const records = rest.slice(0, page.limit).map((r) => structuredClone(r));
    const lastRecord = rest.length > page.limit ? records.at(-1) : undefined;
    const last = lastRecord
      ? JSON.stringify({ userId: lastRecord.userId, createdAt: lastRecord.createdAt })
      : undefined;
    return { records, ...(last ? { last } : {}) };
  }

  async update(userId: string, patch: ProfilePatch): Promise<UserRecord> {
    const record = this.records.get(userId);
    if (!record) throw new NotFoundError(`No user ${userId}.`);
    Object.assign(record, structuredClone(patch), { updatedAt: this.clock().toISOString() });
    return structuredClone(record);
  }

  async estimatedCount(): Promise<number> {
    return this.records.size;
  }

  async delete(userId: string): Promise<void> {
    this.records.delete(userId);
  }

  async revokeTokens(userId: string, at: Date, options: { holdFactors?: boolean } = {}): Promise<void> {
    const record = this.records.get(userId);
    if (!record) throw new NotFoundError(`No user ${userId}.`);
    record.tokensValidAfter = revocationInstant(at);
    if (options.holdFactors) record.factorHold = { heldAt: revocationInstant(at) };
  }

  async releaseFactorHold(userId: string, heldAt: string, at: Date): Promise<void> {
    const record = this.records.get(userId);
    if (record?.factorHold?.heldAt !== heldAt) return;
    record.factorHold = { heldAt, releasedAt: at.toISOString() };
  }
}

/** Newest first, as the status index reads: by `createdAt`, then by `userId` for equal instants. */
function newestFirst(a: UserRecord, b: UserRecord): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.userId < b.userId ? 1 : a.userId > b.userId ? -1 : 0;
}

function copy<T>(value: T | undefined): T | undefined {
  return value === undefined ? undefined : structuredClone(value);
}
