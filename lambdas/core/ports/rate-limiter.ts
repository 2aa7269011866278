/** A fixed-window counter per key, shared by every instance of a function. */
export interface RateLimiter {
  /**
   * Counts one hit on `key`; true while the window has room, false once
   * `limit` hits were counted within `windowSeconds`.
   */
  hit(key: string, limit: number, windowSeconds: number): Promise<boolean>;
  /** The hits counted on `key` in the current window, without counting one (a consistent read). */
  count(key: string, windowSeconds: number): Promise<number>;
}
