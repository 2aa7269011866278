import { randomBytes } from 'node:crypto';
import { generateTemporaryPassword } from '../lambdas/core/adapters/memory/cognito';
import { type MemoryWorld, seedAdmin } from '../lambdas/core/adapters/memory/world';
import { normalizeEmail } from '../lambdas/core/domain/email';
import type { Tokens } from '../lambdas/core/domain/tokens';
import { newUserRecord } from '../lambdas/core/domain/user';
import { authorize } from './authorizer';
import { localAdminCredentials } from './server';

/** Tokens for a user of the fake pool without their password: the local world's owner may act as anyone. */
function tokensFor(world: MemoryWorld, email: string): Tokens | undefined {
  const pool = Reflect.get(world.cognito, 'pool') as { find(e: string): unknown };
  const issuer = Reflect.get(world.cognito, 'tokens') as { issue(user: unknown): Tokens };
  const user = pool.find(email);
  return user ? issuer.issue(user) : undefined;
}

/**
 * Who a protected operation runs as under `npm run invoke` (mock mode): the
 * bootstrap admin (LOCAL_ADMIN_EMAIL, default admin@example.com), or `--as
 * <email>` — a user of the local world, created on the spot (CONFIRMED,
 * `active`, role user) when it has none. Its access token, issued by the fake
 * pool, goes through the same authorizer emulation as `npm start`.
 */
export async function signedInAs(
  world: MemoryWorld,
  email: string | undefined,
): Promise<{ email: string; token: string; claims: Record<string, string>; created: boolean }> {
  const admin = localAdminCredentials();
  await seedAdmin(world, { email: admin.email, password: admin.password });
  const who = normalizeEmail(email ?? admin.email);
  let created = false;
  if (!tokensFor(world, who)) {
    const password = `${generateTemporaryPassword()}${randomBytes(3).toString('hex')}`;
    const user = world.cognito.seedUser({ email: who, password, attributes: { 'custom:role': 'user' } });
    await world.users.create(
      newUserRecord({
        userId: user.sub,
        email: user.email,
        status: 'active',
        emailVerified: true,
        now: world.clock(),
      }),
    );
    created = true;
  }
  const token = (tokensFor(world, who) as Tokens).accessToken;
  return { email: who, token, claims: await authorize({ authorization: `Bearer ${token}` }), created };
}
