/** What a key was when claimed: new, sent before with the same request, or with another one. */
export type IdempotencyClaim = 'first' | 'same' | 'different';

/** Binds each `Idempotency-Key` to the request it was first sent with (the `Idempotency` table). */
export interface IdempotencyStore {
  /**
   * Remembers `key` with `requestHash` for `ttlSeconds`, atomically: the first
   * claim wins; a later one learns whether it carries the same request.
   */
  claim(key: string, requestHash: string, ttlSeconds: number): Promise<IdempotencyClaim>;
  /** Forgets `key` (its work failed, so a retry must run it). Idempotent. */
  release(key: string): Promise<void>;
}
