import {
  InvalidTransitionError,
  NotFoundError,
  RecordExistsError,
  UsernameAlreadySetError,
  UsernameTakenError,
} from '../../lambdas/core/domain/errors';
import { newUserRecord, type UserRecord } from '../../lambdas/core/domain/user';
import type { AdminStore } from '../../lambdas/core/ports/admin-store';
import type { RateLimiter } from '../../lambdas/core/ports/rate-limiter';
import type { ReconciliationLog } from '../../lambdas/core/ports/reconciliation-log';
import type { UserStore } from '../../lambdas/core/ports/user-store';
import type { UsernameRegistry } from '../../lambdas/core/ports/username-registry';

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

    it('pages through every record with `last`, each once, at most `limit` a page', async () => {
      const mine = [record('page'), record('page'), record('page')];
      for (const user of mine) await store().create(user);
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await store().list({ limit: 2, ...(after ? { after } : {}) });
        expect(page.records.length).toBeLessThanOrEqual(2);
        seen.push(...page.records.map((r) => r.userId));
        after = page.last;
      } while (after);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining(mine.map((r) => r.userId)));
    });

    it('lists newest first across every status, paging each record once', async () => {
      // Dated after everything else in the table, so they are its newest records.
      const at = (minute: number) => new Date(Date.UTC(2090, 0, 1, 0, minute));
      const statuses = ['active', 'pending_approval', 'pending_verification', 'active'] as const;
      const mine = statuses.map((status, i) =>
        newUserRecord({
          userId: uniqueId('newest'),
          email: `${uniqueId('newest')}@example.com`,
          status,
          now: at(i),
        }),
      );
      for (const user of mine) await store().create(user);
      const first = await store().list({ limit: 3 });
      const second = await store().list({ limit: 3, ...(first.last ? { after: first.last } : {}) });
      const expected = [...mine].reverse().map((r) => r.userId);
      expect(first.records.map((r) => r.userId)).toEqual(expected.slice(0, 3));
      expect(second.records[0]?.userId).toBe(expected[3]);
    });

    it('lists one status newest first (the approval queue), and no other', async () => {
      const at = (minute: number) => new Date(Date.UTC(2089, 0, 1, 0, minute));
      const queue = [0, 1, 2].map((i) =>
        newUserRecord({
          userId: uniqueId('queue'),
          email: `${uniqueId('queue')}@example.com`,
          status: 'pending_approval',
          now: at(i),
        }),
      );
      const other = newUserRecord({
        userId: uniqueId('other'),
        email: `${uniqueId('other')}@example.com`,
        status: 'pending_mfa',
        now: at(5),
      });
      for (const user of [...queue, other]) await store().create(user);
      // Pages of 2 until all of mine are seen (records of other tests may be newer still).
      const seen: UserRecord[] = [];
      let after: string | undefined;
      for (let page = 0; page < 6 && seen.filter((r) => r.userId.startsWith('queue-')).length < 3; page++) {
        const next = await store().list({
          limit: 2,
          status: 'pending_approval',
          ...(after ? { after } : {}),
        });
        seen.push(...next.records);
        after = next.last;
        if (!after) break;
      }
      expect(seen.every((r) => r.status === 'pending_approval')).toBe(true);
      const mine = new Set(queue.map((r) => r.userId));
      expect(seen.filter((r) => mine.has(r.userId)).map((r) => r.userId)).toEqual(
        [...queue].reverse().map((r) => r.userId),
      );
    });

    it('estimates its record count without reading the records', async () => {
      await store().create(record('count'));
      await expect(store().estimatedCount()).resolves.toEqual(expect.any(Number));
    });

    it('updates profile fields of an existing record only, and deletes idempotently', async () => {
      const user = record('update');
      await store().create(user);
      const updated = await store().update(user.userId, {
        name: 'Jane',
        organizationId: 'org-1',
        role: 'user',
      });
      expect(updated).toMatchObject({
        name: 'Jane',
        organizationId: 'org-1',
        role: 'user',
        status: user.status,
      });
      await expect(store().get(user.userId)).resolves.toMatchObject({ name: 'Jane' });
      await expect(store().update(uniqueId('nobody'), { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);

      await store().delete(user.userId);
      await store().delete(user.userId);
      await expect(store().get(user.userId)).resolves.toBeUndefined();
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

/** The admin records' contract: Users + AdminInfo together, or neither. */
export function adminStoreContract(name: string, admins: () => AdminStore, users: () => UserStore): void {
  describe(`AdminStore contract on ${name}`, () => {
    const records = (label: string) => {
      const userId = uniqueId(label);
      const now = new Date('2026-11-21T10:00:00Z');
      return {
        user: newUserRecord({ userId, email: `${userId}@example.com`, status: 'active', role: 'admin', now }),
        adminInfo: { userId, createdBy: 'root', createdAt: now.toISOString(), invitedAt: now.toISOString() },
      };
    };

    it('deletes the AdminInfo record idempotently', async () => {
      const user = newUserRecord({
        userId: uniqueId('admin-del'),
        email: `${uniqueId('admin-del')}@example.com`,
        status: 'active',
        role: 'admin',
        now: new Date(),
      });
      await admins().createAdminRecords(user, {
        userId: user.userId,
        createdBy: 'test',
        createdAt: user.createdAt,
      });
      await admins().deleteAdminInfo(user.userId);
      await admins().deleteAdminInfo(user.userId);
      await expect(admins().getAdminInfo(user.userId)).resolves.toBeUndefined();
    });

    it('writes the User and the AdminInfo record together', async () => {
      const { user, adminInfo } = records('admin');

      await admins().createAdminRecords(user, adminInfo);

      await expect(users().get(user.userId)).resolves.toEqual(user);
      await expect(admins().getAdminInfo(user.userId)).resolves.toEqual(adminInfo);
    });

    it('writes neither when the User record exists already (RecordExistsError)', async () => {
      const { user, adminInfo } = records('half');
      await users().create(user);

      await expect(admins().createAdminRecords(user, adminInfo)).rejects.toBeInstanceOf(RecordExistsError);

      await expect(admins().getAdminInfo(user.userId)).resolves.toBeUndefined();
    });

    it('lets exactly one of two concurrent writes for the same user win', async () => {
      const { user, adminInfo } = records('race');

      const results = await Promise.allSettled([
        admins().createAdminRecords(user, adminInfo),
        admins().createAdminRecords(user, { ...adminInfo, createdBy: 'other' }),
      ]);

      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    });
  });
}

/** The reconciliation log's contract. */
export function reconciliationLogContract(name: string, log: () => ReconciliationLog): void {
  describe(`ReconciliationLog contract on ${name}`, () => {
    it('keeps records pending until resolved, idempotently', async () => {
      const id = uniqueId('rec');
      const entry = {
        id,
        kind: 'orphan-cognito-user' as const,
        username: uniqueId('user'),
        email: 'orphan@example.com',
        actor: 'root',
        correlationId: 'corr',
        createdAt: new Date().toISOString(),
        errors: ['Boom'],
        status: 'pending' as const,
      };

      await log().record(entry);
      expect((await log().pending()).find((e) => e.id === id)).toEqual(entry);

      await log().resolve(id, new Date());
      await log().resolve(id, new Date());
      await log().resolve(uniqueId('unknown'), new Date());
      expect((await log().pending()).some((e) => e.id === id)).toBe(false);
    });
  });
}

/** The username registry's contract: a reservation and the record's username together, unique under a race. */
export function usernameRegistryContract(
  name: string,
  registry: () => UsernameRegistry,
  users: () => UserStore,
): void {
  describe(`UsernameRegistry contract on ${name}`, () => {
    const someone = async (label: string) => {
      const user = newUserRecord({
        userId: uniqueId(label),
        email: `${uniqueId(label)}@example.com`,
        status: 'active',
        now: new Date(),
      });
      await users().create(user);
      return user.userId;
    };

    it('claims a name for one user (case-insensitively), once, and releases it on request', async () => {
      const [a, b] = [await someone('name-a'), await someone('name-b')];
      const name = `Name${uniqueId('n').replace(/\W/g, '')}`.slice(0, 30);
      await registry().claim(a, name);
      await expect(users().get(a)).resolves.toMatchObject({ username: name });
      await expect(registry().claim(b, name.toUpperCase())).rejects.toBeInstanceOf(UsernameTakenError);
      await expect(registry().claim(a, `${name.slice(0, 20)}x`)).rejects.toBeInstanceOf(
        UsernameAlreadySetError,
      );
      await expect(registry().claim(uniqueId('nobody'), `${name.slice(0, 20)}y`)).rejects.toBeInstanceOf(
        NotFoundError,
      );

      await registry().release(b, name); // not b's: nothing happens
      await expect(registry().claim(b, name)).rejects.toBeInstanceOf(UsernameTakenError);
      await registry().release(a, name);
      await registry().claim(b, name.toLowerCase());
    });

    it('lets exactly one of two users racing for one name win', async () => {
      const [a, b] = [await someone('race-a'), await someone('race-b')];
      const name = `Race${uniqueId('r').replace(/\W/g, '')}`.slice(0, 30);
      const outcomes = await Promise.allSettled([registry().claim(a, name), registry().claim(b, name)]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    });
  });
}
