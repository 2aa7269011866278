import { NotFoundError } from '../../lambdas/core/domain/errors';
import { newUserRecord } from '../../lambdas/core/domain/user';
import type { IdempotencyStore } from '../../lambdas/core/ports/idempotency-store';
import type { PasskeyIndex } from '../../lambdas/core/ports/passkey-index';
import type { UserStore } from '../../lambdas/core/ports/user-store';

function uniqueId(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The `Idempotency` table's contract, for the in-memory store and for DynamoDB Local. */
export function idempotencyStoreContract(name: string, store: () => IdempotencyStore): void {
  describe(`IdempotencyStore contract on ${name}`, () => {
    it('claims a key once; then tells the same request from a different one', async () => {
      const key = uniqueId('key');
      await expect(store().claim(key, 'request-a', 60)).resolves.toBe('first');
      await expect(store().claim(key, 'request-a', 60)).resolves.toBe('same');
      await expect(store().claim(key, 'request-b', 60)).resolves.toBe('different');
    });

    it('lets exactly one of concurrent first claims win', async () => {
      const key = uniqueId('race');
      const claims = await Promise.all(['a', 'b', 'c', 'd'].map((r) => store().claim(key, r, 60)));
      expect(claims.filter((c) => c === 'first')).toHaveLength(1);
    });
  });
}

/** The revocation instant of the `Users` table (the caller gate reads it). */
export function revocationContract(name: string, store: () => UserStore): void {
  describe(`UserStore.revokeTokens contract on ${name}`, () => {
    it('records the revocation to the millisecond (the gate asks Cognito about its own second), readable at once', async () => {
      const user = newUserRecord({
        userId: uniqueId('revoke'),
        email: `${uniqueId('revoke')}@example.com`,
        status: 'active',
        now: new Date(),
      });
      await store().create(user);

      await store().revokeTokens(user.userId, new Date('2026-12-01T10:00:00.750Z'));

      await expect(store().get(user.userId)).resolves.toMatchObject({
        tokensValidAfter: '2026-12-01T10:00:00.750Z',
      });
    });

    it('refuses an unknown user with NotFoundError', async () => {
      await expect(store().revokeTokens(uniqueId('nobody'), new Date())).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    it("holds the passwordless factors in the same write; only that hold's release ends it", async () => {
      const user = newUserRecord({
        userId: uniqueId('hold'),
        email: `${uniqueId('hold')}@example.com`,
        status: 'active',
        now: new Date(),
      });
      await store().create(user);
      await store().revokeTokens(user.userId, new Date('2026-12-01T10:00:00.000Z'), { holdFactors: true });
      await store().revokeTokens(user.userId, new Date('2026-12-01T11:00:00.000Z'), { holdFactors: true });

      // A release of the older hold does nothing: the newer one stands.
      await store().releaseFactorHold(
        user.userId,
        '2026-12-01T10:00:00.000Z',
        new Date('2026-12-01T12:00:00Z'),
      );
      await expect(store().get(user.userId)).resolves.toMatchObject({
        factorHold: { heldAt: '2026-12-01T11:00:00.000Z' },
      });
      await store().releaseFactorHold(
        user.userId,
        '2026-12-01T11:00:00.000Z',
        new Date('2026-12-01T12:00:00Z'),
      );
      await expect(store().get(user.userId)).resolves.toMatchObject({
        factorHold: { heldAt: '2026-12-01T11:00:00.000Z', releasedAt: '2026-12-01T12:00:00.000Z' },
      });
      await expect(
        store().releaseFactorHold(uniqueId('nobody'), '2026-12-01T11:00:00.000Z', new Date()),
      ).resolves.toBeUndefined();
    });
  });
}

/** The API's passkey index (the `Passkeys` table). */
export function passkeyIndexContract(name: string, index: () => PasskeyIndex): void {
  describe(`PasskeyIndex contract on ${name}`, () => {
    it("indexes a passkey for one owner only, lists an owner's oldest first, marks and forgets", async () => {
      const [owner, other] = [uniqueId('owner'), uniqueId('other')];
      const [first, second] = [uniqueId('cred'), uniqueId('cred')];
      await expect(
        index().add({ credentialId: second, userId: owner, createdAt: '2026-12-02T00:00:00Z' }),
      ).resolves.toBe(true);
      await expect(
        index().add({ credentialId: first, userId: owner, createdAt: '2026-12-01T00:00:00Z' }),
      ).resolves.toBe(true);
      await expect(
        index().add({ credentialId: first, userId: owner, createdAt: '2026-12-03T00:00:00Z' }),
      ).resolves.toBe(true);
      await expect(
        index().add({ credentialId: first, userId: other, createdAt: '2026-12-03T00:00:00Z' }),
      ).resolves.toBe(false);

      expect((await index().listOf(owner)).map((p) => p.credentialId)).toEqual([first, second]);
      await expect(index().markRemoved(other, first, 'admin', new Date())).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await index().markRemoved(owner, first, 'admin-sub', new Date('2026-12-04T00:00:00Z'));
      await index().markRemoved(owner, first, 'later', new Date('2026-12-05T00:00:00Z'));
      await expect(index().find(first)).resolves.toMatchObject({
        userId: owner,
        removedAt: '2026-12-04T00:00:00.000Z',
        removedBy: 'admin-sub',
      });
      await index().forget(first);
      await index().forget(first);
      await expect(index().find(first)).resolves.toBeUndefined();
      expect((await index().listOf(owner)).map((p) => p.credentialId)).toEqual([second]);
    });
  });
}
