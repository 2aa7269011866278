import { FileLegacyUsers } from './adapters/memory/file-legacy-users';
import { PostgresLegacyUsers } from './adapters/postgres/postgres-legacy-users';
import { secretSource } from './deps';
import { legacyConnectionString } from './domain/legacy-connection';
import type { LegacyUser, LegacyUserSource } from './ports/legacy-users';
import { SECRETS } from './secrets';

/**
 * Part of the composition root (core/deps/), in its own file so only the
 * UserMigration trigger's bundle holds `pg`: the legacy user table.
 * - `LEGACY_DATABASE_SECRET_ARN` (deployed): the connection from Secrets Manager;
 * - `LEGACY_DATABASE_URL` (local runs): that PostgreSQL;
 * - `LEGACY_USERS_FILE` (mock mode, docs/api.md "Local server"): a JSON array;
 * - none of them: no legacy users, so every migration answers "not found".
 * Resolved on first use and kept for the container (one `pg` pool); a failed
 * resolution (e.g. Secrets Manager unreachable) is retried on the next call.
 */
export const legacyUsers = (): LegacyUserSource => configured;

class ConfiguredLegacyUsers implements LegacyUserSource {
  private source: Promise<LegacyUserSource> | undefined;

  async findByEmail(email: string): Promise<LegacyUser | undefined> {
    this.source ??= resolveSource().catch((error: unknown) => {
      this.source = undefined;
      throw error;
    });
    return (await this.source).findByEmail(email);
  }
}

async function resolveSource(): Promise<LegacyUserSource> {
  if (process.env[SECRETS.legacyDatabase.arnEnv])
    return new PostgresLegacyUsers(legacyConnectionString(await secretSource().get('legacyDatabase')));
  const url = process.env[SECRETS.legacyDatabase.valueEnv];
  if (url) return new PostgresLegacyUsers(legacyConnectionString(url));
  if (process.env.LEGACY_USERS_FILE) return new FileLegacyUsers(process.env.LEGACY_USERS_FILE);
  return { findByEmail: async () => undefined };
}

const configured = new ConfiguredLegacyUsers();
