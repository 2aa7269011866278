import { type Clock, systemClock } from '../../ports/clock';
import type { RateLimiter } from '../../ports/rate-limiter';

/** Fixed-window counters in memory, same windows as the DynamoDB adapter. */
export class InMemoryRateLimiter implements RateLimiter {
  private readonly counts = new Map<string, number>();

  constructor(private readonly clock: Clock = systemClock) {}

  async hit(key: string, limit: number, windowSeconds: number): Promise<boolean> {
    const window = Math.floor(this.clock().getTime() / 1000 / windowSeconds);
    const slot = `${key}#${window}`;
    const count = this.counts.get(slot) ?? 0;
    if (count >= limit) return false;
    this.counts.set(slot, count + 1);
    return true;
  }

  async count(key: string, windowSeconds: number): Promise<number> {
    const window = Math.floor(this.clock().getTime() / 1000 / windowSeconds);
    return this.counts.get(`${key}#${window}`) ?? 0;
  }
}
