import { Pool } from 'pg';
import type { LegacyUser, LegacyUserSource } from '../../ports/legacy-users';

/** Connection and statement limits, well inside a Cognito trigger's 5 s (Cognito retries a timed-out trigger). */
export const LEGACY_DB_TIMEOUTS = { connectMs: 1_000, statementMs: 1_000, idleMs: 30_000 } as const;

/**
 * The legacy `User` table (the Prisma model of seed 004: `id`, `email`,
 * `name`, `password`) on PostgreSQL. One small pool per container, reused
 * across invocations; every session is read-only with a statement timeout,
 * so the migration can only read, and a retried trigger reads again.
 */
export class PostgresLegacyUsers implements LegacyUserSource {
  private readonly pool: Pool;

  constructor(connectionString: string) {
    this.pool = new Pool({
      connectionString,
      max: 2,
      connectionTimeoutMillis: LEGACY_DB_TIMEOUTS.connectMs,
      idleTimeoutMillis: LEGACY_DB_TIMEOUTS.idleMs,
      query_timeout: LEGACY_DB_TIMEOUTS.statementMs + 500,
      options: `-c default_transaction_read_only=on -c statement_timeout=${LEGACY_DB_TIMEOUTS.statementMs}`,
    });
    // An idle client's error (the server restarted) must not crash the container.
    this.pool.on('error', () => undefined);
  }

  async findByEmail(email: string): Promise<LegacyUser | undefined> {
    const { rows } = await this.pool.query<{
      id: string;
      email: string;
      name: string | null;
      password: string;
    }>('SELECT "id", "email", "name", "password" FROM "User" WHERE lower("email") = lower($1) LIMIT 1', [
      email.trim(),
    ]);
    const row = rows[0];
    if (!row) return undefined;
    return {
      id: String(row.id),
      email: row.email,
      ...(row.name ? { name: row.name } : {}),
      passwordHash: row.password,
    };
  }

  /** Closes the pool (scripts and tests; a Lambda container keeps it). */
  async close(): Promise<void> {
    await this.pool.end();
  }
}
