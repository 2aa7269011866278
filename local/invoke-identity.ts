import { randomBytes } from 'node:crypto';
import { generateTemporaryPassword } from '../lambdas/core/adapters/memory/cognito';
import { type MemoryWorld, seedAdmin } from '../lambdas/core/adapters/memory/world';
import { normalizeEmail } from '../lambdas/core/domain/email';
import { newUserRecord } from '../lambdas/core/domain/user';
import { authorize } from './authorizer';
import { localAdminCredentials } from './server';

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
  const created = !(await world.cognito.directory.getUser(who));
  if (created) {
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
  }
  const token = world.cognito.issueTokensFor(who)?.accessToken as string;
  return { email: who, token, claims: await authorize({ authorization: `Bearer ${token}` }), created };
}
