import { randomBytes } from 'node:crypto';
import { generateTemporaryPassword } from '../lambdas/core/adapters/memory/cognito';
import { type MemoryWorld, seedAdmin } from '../lambdas/core/adapters/memory/world';
import { normalizeEmail } from '../lambdas/core/domain/email';
import { newUserRecord } from '../lambdas/core/domain/user';
import { authorize } from './authorizer';
import { localAdminCredentials } from './server';

/**
 * Who a protected operation runs as under `npm run invoke` (mock mode): the
 * bootstrap admin `npm start` seeds (LOCAL_ADMIN_EMAIL, default
 * admin@example.com), or `--as <email>` — a user of the local world, created
 * on the spot (CONFIRMED, `active`, role user) when it has none. The identity
 * signs in through the fake pool, and its real access token goes through the
 * same authorizer emulation as `npm start`.
 */
export async function signedInAs(
  world: MemoryWorld,
  email: string | undefined,
): Promise<{ email: string; token: string; claims: Record<string, string>; created: boolean }> {
  const admin = localAdminCredentials();
  await seedAdmin(world, { email: admin.email, password: admin.password });
  const who = normalizeEmail(email ?? admin.email);
  let password = admin.password;
  let created = false;
  if (who !== admin.email) {
    password = `${generateTemporaryPassword()}${randomBytes(3).toString('hex')}`;
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
  const outcome = await world.cognito.signIn.passwordLogin(who, password);
  if (!('tokens' in outcome)) throw new Error(`${who} was asked for ${outcome.challenge.name} at sign-in.`);
  const token = outcome.tokens.accessToken;
  return { email: who, token, claims: await authorize({ authorization: `Bearer ${token}` }), created };
}
