import { MAX_OVERLAP, SignInTimingFloor } from '../../../lambdas/core/workflows/common/sign-in-timing';
import { activatedApplicant, call, freshWorld, submitApplication } from '../../support/harness';

/**
 * Enumeration by timing (issue 20): the fake, like Cognito, runs the
 * UserMigration trigger (a bcrypt check) only for emails it does not know, so
 * an unknown email used to take ~75 ms and a known one ~1.5 ms. The API holds
 * every password sign-in's answer to the same floor; the medians of a few
 * hundred interleaved calls (100 per route) must be within 10 %.
 */
const ROUNDS = 50;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

async function timed(fn: () => Promise<{ status: number }>): Promise<number> {
  const started = performance.now();
  const answer = await fn();
  expect(answer.status).toBe(401);
  return performance.now() - started;
}

describe('sign-in timing does not tell a known email from an unknown one', () => {
  beforeAll(async () => {
    await activatedApplicant(freshWorld(), 'known@example.com');
    await submitApplication({ email: 'invited@example.com' });
  });

  it.each([
    [
      'POST /auth/login',
      (email: string) => () => call('login', { body: { email, password: 'Wr0ng!Password-x' } }),
      'known@example.com',
    ],
    [
      'POST /auth/new-password',
      (email: string) => () =>
        call('handleNewPasswordChallenge', {
          body: { email, temporaryPassword: 'Wr0ng!Temp-pass1', newPassword: 'N3w!Password-good' },
        }),
      'invited@example.com',
    ],
  ] as const)(
    '%s: medians of known and unknown emails within 10 %%',
    async (_route, request, known) => {
      const knownTimes: number[] = [];
      const unknownTimes: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        unknownTimes.push(await timed(request(`nobody-${i}@example.com`)));
        knownTimes.push(await timed(request(known)));
      }
      const [k, u] = [median(knownTimes), median(unknownTimes)];
      expect(Math.abs(k - u) / Math.max(k, u)).toBeLessThanOrEqual(0.1);
    },
    120_000,
  );
});

describe('the floor itself', () => {
  it('holds every answer (and error) to the slowest of the window; fast floods do not lower it; capped', async () => {
    let now = 0;
    const slept: number[] = [];
    const floor = new SignInTimingFloor(
      () => now,
      async (ms) => {
        slept.push(ms);
        now += ms;
      },
    );
    const work =
      (ms: number, fail = false) =>
      async () => {
        now += ms;
        if (fail) throw new Error('refused');
        return ms;
      };
    expect(await floor.run(work(80))).toBe(80);
    for (let i = 0; i < 500; i++) await floor.run(work(2));
    expect(slept.every((ms) => ms === 78)).toBe(true);
    await expect(floor.run(work(5, true))).rejects.toThrow('refused');
    expect(slept.at(-1)).toBe(75);
    await floor.run(work(5_000));
    expect(floor.floor()).toBe(1_000);
    now += 16 * 60_000;
    expect(floor.floor()).toBe(0);
  });
});

describe('the floor under a burst (issue: a burst of 100 logins held every login at the cap for 15 minutes)', () => {
  it('a burst of 100 concurrent sign-ins, each slowed by the queue, does not raise the floor', async () => {
    let now = 0;
    const floor = new SignInTimingFloor(
      () => now,
      async (ms) => {
        now += ms;
      },
    );
    const alone = async (ms: number) =>
      floor.run(async () => {
        now += ms;
      });
    await alone(80); // the slow path, measured alone: the floor
    expect(floor.floor()).toBe(80);

    // 100 at once; the queue makes each one end later than the one before (900 ms and more).
    const gates: Array<() => void> = [];
    const burst = Array.from({ length: 100 }, () =>
      floor.run(() => new Promise<void>((resolve) => gates.push(resolve))),
    );
    now += 900;
    for (const open of gates) {
      open();
      await Promise.resolve();
      now += 5;
    }
    await Promise.all(burst);

    expect(floor.floor()).toBe(80);
    // After it, a known user's sign-in (5 ms) waits to 80 ms, not to the 1 s cap.
    const before = now;
    await alone(5);
    expect(now - before).toBe(80);
  });

  it('still learns a slow sign-in that overlapped a couple of others', async () => {
    let now = 0;
    const floor = new SignInTimingFloor(
      () => now,
      async (ms) => {
        now += ms;
      },
    );
    const gates: Array<() => void> = [];
    const runs = Array.from({ length: MAX_OVERLAP + 1 }, () =>
      floor.run(() => new Promise<void>((resolve) => gates.push(resolve))),
    );
    now += 120;
    for (const open of gates) open();
    await Promise.all(runs);
    expect(floor.floor()).toBe(120);
  });
});
