/** Waits `ms`; injectable so tests of retries do not wait. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` up to `attempts` times with exponential backoff (base, 4x
 * base, 16x base ...). Resolves with the first success; rejects with every
 * error seen, in order, when all attempts fail.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  options: { attempts: number; baseDelayMs: number; sleep: Sleep },
): Promise<T> {
  const errors: unknown[] = [];
  for (let i = 0; i < options.attempts; i++) {
    try {
      return await attempt();
    } catch (error) {
      errors.push(error);
      if (i < options.attempts - 1) await options.sleep(options.baseDelayMs * 4 ** i);
    }
  }
  throw new RetriesExhaustedError(errors);
}

/** Every attempt failed; `errors` holds each failure in order. */
export class RetriesExhaustedError extends Error {
  override readonly name = 'RetriesExhaustedError';
  constructor(readonly errors: unknown[]) {
    super(`All ${errors.length} attempts failed.`);
  }
}
