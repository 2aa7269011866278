import { NotFoundError } from '../../lambdas/core/domain/errors';
import { newUserRecord } from '../../lambdas/core/domain/user';
import type { IdempotencyStore } from '../../lambdas/core/ports/idempotency-store';
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
  });
}
