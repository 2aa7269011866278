import { normalizeEmail } from '../../domain/email';
import { RecordExistsError } from '../../domain/errors';
import { INITIAL_STATUS } from '../../domain/onboarding';
import { type Tokens, unverifiedClaims } from '../../domain/tokens';
import { newUserRecord } from '../../domain/user';
import { log } from '../../log';
import type { Clock } from '../../ports/clock';
import type { UserStore } from '../../ports/user-store';

/**
 * recordMigratedUser — after a sign-in: a user the UserMigration trigger
 * brought in (their ID token carries `custom:legacy_id`) gets their `Users`
 * record the first time, `active` (they were users of the legacy app) with
 * `legacyId`; the pool holds no record id, so the token is what ties them.
 * Anyone else costs nothing (no read). Best effort: a failed write is logged
 * and retried at the next sign-in; a concurrent sign-in that wrote first wins.
 */
export async function recordMigratedUser(
  ports: { users: UserStore; clock: Clock },
  tokens: Tokens,
): Promise<void> {
  const claims = unverifiedClaims(tokens.idToken);
  const [legacyId, sub, email, name] = ['custom:legacy_id', 'sub', 'email', 'name'].map((key) =>
    typeof claims?.[key] === 'string' ? (claims[key] as string) : undefined,
  );
  if (!legacyId || !sub || !email) return;
  try {
    if (await ports.users.get(sub)) return;
    const record = newUserRecord({
      userId: sub,
      email: normalizeEmail(email),
      status: INITIAL_STATUS.legacyMigrated,
      emailVerified: true,
      legacyId,
      now: ports.clock(),
    });
    await ports.users.create({ ...record, ...(name ? { name } : {}) });
    log('info', 'migrated user recorded', { userId: sub });
  } catch (error) {
    if (error instanceof RecordExistsError) return;
    log('error', 'migrated user not recorded', { error: error instanceof Error ? error.name : 'Unknown' });
  }
}
