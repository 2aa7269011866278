import { InvalidTransitionError, NotFoundError, RecordExistsError } from '../../lambdas/core/domain/errors';
import { newUserRecord } from '../../lambdas/core/domain/user';
import type { RateLimiter } from '../../lambdas/core/ports/rate-limiter';
import type { UserStore } from '../../lambdas/core/ports/user-store';

function uniqueId(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The `Users` table's contract, for the in-memory store and for DynamoDB Local. */
export function userStoreContract(name: string, store: () => UserStore): void {
  describe(`UserStore contract on ${name}`, () => {
    const record = (label: string) =>
      newUserRecord({
        userId: uniqueId(label),
        email: `${uniqueId(label)}@example.com`,
        status: 'pending_verification',
        now: new Date('2026-11-21T10:00:00Z'),
      });

    it('stores a record and reads it back by id and by email (any case)', async () => {
      const user = record('create');
      await store().create(user);

      await expect(store().get(user.userId)).resolves.toEqual(user);
      await expect(store().findByEmail(` ${user.email.toUpperCase()} `)).resolves.toEqual(user);
    });

    it('finds nothing for an unknown id or email', async () => {
      await expect(store().get(uniqueId('nobody'))).resolves.toBeUndefined();
      await expect(store().findByEmail(`${uniqueId('nobody')}@example.com`)).resolves.toBeUndefined();
    });

    it('refuses a second record with the same id with RecordExistsError, keeping the first', async () => {
      const user = record('duplicate');
      await store().create(user);

      await expect(store().create({ ...user, email: 'other@example.com' })).rejects.toBeInstanceOf(
        RecordExistsError,
      );
      await expect(store().get(user.userId)).resolves.toMatchObject({ email: user.email });
    });

    it('moves the status only from the expected one, applying the patch and a new updatedAt', async () => {
      const user = record('transition');
      await store().create(user);

      const moved = await store().transition(user.userId, 'pending_verification', 'pending_approval', {
        emailVerified: true,
      });

      expect(moved).toMatchObject({
        status: 'pending_approval',
        emailVerified: true,
        createdAt: user.createdAt,
      });
      expect(moved.updatedAt).not.toBe(user.updatedAt);
      await expect(store().get(user.userId)).resolves.toEqual(moved);
      await expect(
        store().transition(user.userId, 'pending_verification', 'pending_approval'),
      ).rejects.toBeInstanceOf(InvalidTransitionError);
    });

    it('lets exactly one of two concurrent identical transitions win', async () => {
      const user = record('race');
      await store().create(user);

      const results = await Promise.allSettled([
        store().transition(user.userId, 'pending_verification', 'pending_approval'),
        store().transition(user.userId, 'pending_verification', 'pending_approval'),
      ]);

      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    });

    it('refuses a transition of an unknown user with NotFoundError', async () => {
      await expect(
        store().transition(uniqueId('nobody'), 'pending_verification', 'pending_approval'),
      ).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}

/** The per-key throttle's contract. */
export function rateLimiterContract(name: string, limiter: () => RateLimiter): void {
  describe(`RateLimiter contract on ${name}`, () => {
    it('allows `limit` hits per key and window, then refuses, without touching other keys', async () => {
      const key = uniqueId('key');
      const hits = [];
      for (let i = 0; i < 4; i++) hits.push(await limiter().hit(key, 3, 3600));

      expect(hits).toEqual([true, true, true, false]);
      await expect(limiter().hit(uniqueId('other'), 3, 3600)).resolves.toBe(true);
    });

    it('counts concurrent hits exactly', async () => {
      const key = uniqueId('concurrent');
      const hits = await Promise.all(Array.from({ length: 8 }, () => limiter().hit(key, 5, 3600)));

      expect(hits.filter(Boolean)).toHaveLength(5);
    });
  });
}
