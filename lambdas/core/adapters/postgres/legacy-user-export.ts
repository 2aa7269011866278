import { Client } from 'pg';
import { LEGACY_DB_TIMEOUTS } from './postgres-legacy-users';

/** One exported legacy user: an explicit column list, never the password hash. */
export interface ExportedLegacyUser {
  id: string;
  email: string;
  name: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** The only columns the export reads (seed 004): the hash is not among them, so it cannot leak. */
export const EXPORTED_COLUMNS = ['id', 'email', 'name', 'createdAt', 'updatedAt'] as const;

const iso = (value: unknown): string | null =>
  value instanceof Date ? value.toISOString() : value == null ? null : String(value);

/**
 * Every row of the legacy `User` table, in batches through a server-side
 * cursor inside one read-only transaction (a consistent snapshot; memory
 * stays at one batch however large the table).
 */
export async function* legacyUserRows(
  connectionString: string,
  batchSize = 500,
): AsyncGenerator<ExportedLegacyUser[]> {
  const client = new Client({ connectionString, connectionTimeoutMillis: LEGACY_DB_TIMEOUTS.connectMs * 5 });
  await client.connect();
  try {
    await client.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const columns = EXPORTED_COLUMNS.map((c) => `"${c}"`).join(', ');
    await client.query(
      `DECLARE legacy_export NO SCROLL CURSOR FOR SELECT ${columns} FROM "User" ORDER BY "id"`,
    );
    for (;;) {
      const { rows } = await client.query(`FETCH ${Math.max(1, Math.floor(batchSize))} FROM legacy_export`);
      if (rows.length === 0) break;
      yield rows.map((row) => ({
        id: String(row.id),
        email: String(row.email),
        name: row.name == null ? null : String(row.name),
        createdAt: iso(row.createdAt),
        updatedAt: iso(row.updatedAt),
      }));
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}
