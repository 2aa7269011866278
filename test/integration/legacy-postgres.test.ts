import { Client } from 'pg';
import { PostgresLegacyUsers } from '../../lambdas/core/adapters/postgres/postgres-legacy-users';
import { startPostgres } from '../../local/emulators/postgres';

// The legacy-user adapter against a real PostgreSQL started for this file (Debian's package).
let server: { url: string; stop: () => void };
let legacy: PostgresLegacyUsers;

beforeAll(async () => {
  server = await startPostgres();
  const client = new Client({ connectionString: server.url });
  await client.connect();
  await client.query(
    'CREATE TABLE "User" ("id" uuid PRIMARY KEY, "email" text NOT NULL UNIQUE, "name" text, "password" text NOT NULL)',
  );
  await client.query(
    `INSERT INTO "User" VALUES ('6f1c3a0e-5b7d-4d43-9a1e-6f0c2e8b9d11', 'Lee.Legacy@Example.com', 'Lee Legacy', '$2b$10$abcdefghijklmnopqrstuuN9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy')`,
  );
  await client.end();
  legacy = new PostgresLegacyUsers(server.url);
}, 60_000);

afterAll(async () => {
  await legacy?.close();
  server?.stop();
});

describe('PostgresLegacyUsers on a real PostgreSQL', () => {
  it('finds a user by email, case-insensitively, with the hash (for checking only)', async () => {
    await expect(legacy.findByEmail(' lee.legacy@example.com ')).resolves.toEqual({
      id: '6f1c3a0e-5b7d-4d43-9a1e-6f0c2e8b9d11',
      email: 'Lee.Legacy@Example.com',
      name: 'Lee Legacy',
      passwordHash: expect.stringMatching(/^\$2b\$10\$/),
    });
  });

  it('answers undefined for an unknown email, and an injection attempt is just an email', async () => {
    await expect(legacy.findByEmail('nobody@example.com')).resolves.toBeUndefined();
    await expect(legacy.findByEmail("x' OR '1'='1")).resolves.toBeUndefined();
  });

  it('reads in read-only sessions: a write through its connections is refused', async () => {
    const pool = (legacy as unknown as { pool: { query: (sql: string) => Promise<unknown> } }).pool;
    await expect(pool.query('DELETE FROM "User"')).rejects.toThrow(/read-only transaction/);
    await expect(legacy.findByEmail('lee.legacy@example.com')).resolves.toBeDefined();
  });
});
