import type { Clock } from '../../ports/clock';
import type { IdempotencyClaim, IdempotencyStore } from '../../ports/idempotency-store';

/** The `Idempotency` table in memory, with the same claim semantics (and expiry) as DynamoDB's. */
export class InMemoryIdempotencyStore implements IdempotencyStore {
  private readonly keys = new Map<string, { requestHash: string; expiresAt: number }>();

  constructor(private readonly clock: Clock) {}

  async claim(key: string, requestHash: string, ttlSeconds: number): Promise<IdempotencyClaim> {
    const now = this.clock().getTime();
    const existing = this.keys.get(key);
    if (existing && existing.expiresAt > now)
      return existing.requestHash === requestHash ? 'same' : 'different';
    this.keys.set(key, { requestHash, expiresAt: now + ttlSeconds * 1000 });
    return 'first';
  }

  async release(key: string): Promise<void> {
    this.keys.delete(key);
  }
}
