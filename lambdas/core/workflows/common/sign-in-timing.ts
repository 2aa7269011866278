/**
 * Password sign-ins answer in the same time whoever the email belongs to.
 *
 * Cognito runs the UserMigration trigger only for an email it does not know:
 * an unknown email costs a Lambda invocation and a bcrypt check (deployed), a
 * known one only Cognito's own check. Timing would then tell who has an
 * account. Each answer of a password sign-in (success or failure) is held
 * back until the slowest sign-in this container saw in the last
 * `WINDOW_MS`, capped at `CAP_MS`. The slowest, not a percentile: a flood of
 * fast calls (one's own account, wrong password) cannot lower the floor
 * before a probe. Only sign-ins that ran nearly alone count (`MAX_OVERLAP`):
 * a burst cannot raise it for everyone. docs/security.md, "Enumeration".
 */

/** How long a slow sign-in keeps the floor up. */
export const WINDOW_MS = 15 * 60_000;
/** The floor never exceeds this (an outlier — a cold database — must not slow every sign-in). */
export const CAP_MS = 1_000;
/**
 * A sign-in that overlapped more than this many others in the same process
 * measured queueing, not its path: it is held to the floor but does not raise
 * it. A burst of concurrent sign-ins therefore cannot lift the floor to the cap
 * for everyone after it (a Lambda container serves one request at a time, so
 * there every sign-in counts).
 */
export const MAX_OVERLAP = 2;
const BUCKET_MS = 60_000;

export class SignInTimingFloor {
  /** The slowest duration per minute bucket: at most WINDOW_MS / BUCKET_MS entries. */
  private readonly buckets = new Map<number, number>();
  /** Sign-ins running now, and how many have started so far (to tell how many overlapped one). */
  private inFlight = 0;
  private starts = 0;

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** The current floor in milliseconds. */
  floor(at = this.now()): number {
    let slowest = 0;
    for (const [bucket, ms] of this.buckets) {
      if (bucket * BUCKET_MS <= at - WINDOW_MS) this.buckets.delete(bucket);
      else slowest = Math.max(slowest, ms);
    }
    return Math.min(slowest, CAP_MS);
  }

  /** Runs `work`, then waits until the floor has passed; the answer or error is unchanged. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const started = this.now();
    const alreadyRunning = this.inFlight++;
    const startsBefore = ++this.starts;
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: await work() };
    } catch (error) {
      outcome = { ok: false, error };
    }
    this.inFlight--;
    const ended = this.now();
    const took = ended - started;
    const overlapped = alreadyRunning + (this.starts - startsBefore);
    if (overlapped <= MAX_OVERLAP) {
      const bucket = Math.floor(ended / BUCKET_MS);
      this.buckets.set(bucket, Math.max(this.buckets.get(bucket) ?? 0, took));
    }
    const wait = this.floor(ended) - took;
    if (wait > 0) await this.sleep(wait);
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }
}

/** One floor per container, shared by every password sign-in of the API (login, new password). */
export const passwordSignInTiming = new SignInTimingFloor();

/** USER_AUTH's start and answers (an email code mailed, a password or passkey checked, or none of it for an unknown email). */
export const choiceSignInTiming = new SignInTimingFloor();

/** The passwordless start (a code mailed by the triggers, or none for an unknown or masked account). */
export const passwordlessTiming = new SignInTimingFloor();
