import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { PostgresLegacyUsers } from '../../lambdas/core/adapters/postgres/postgres-legacy-users';
import { startPostgres } from '../../local/emulators/postgres';

const run = promisify(execFile);

// The legacy-user adapter against a real PostgreSQL started for this file (Debian's package).
let server: { url: string; stop: () => void };
let legacy: PostgresLegacyUsers;

beforeAll(async () => {
  server = await startPostgres();
  const client = new Client({ connectionString: server.url });
  await client.connect();
  await client.query(
    `CREATE TABLE "User" ("id" uuid PRIMARY KEY, "email" text NOT NULL UNIQUE, "name" text, "password" text NOT NULL,
      "createdAt" timestamptz NOT NULL DEFAULT now(), "updatedAt" timestamptz NOT NULL DEFAULT now())`,
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

describe('npm run export-users against a real PostgreSQL', () => {
  const root = path.join(__dirname, '..', '..');
  let out: string;
  beforeAll(async () => {
    // A table larger than one batch (500), each row with a bcrypt hash the export must not carry.
    const client = new Client({ connectionString: server.url });
    await client.connect();
    await client.query(
      `INSERT INTO "User" ("id", "email", "name", "password")
       SELECT gen_random_uuid(), 'bulk-' || n || '@example.com', 'Bulk ' || n,
              '$2b$10$abcdefghijklmnopqrstuuN9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy'
       FROM generate_series(1, 1233) AS n`,
    );
    await client.end();
    out = path.join(mkdtempSync(path.join(tmpdir(), 'export-')), 'backups', 'users.json');
  });

  it('writes every user with the explicit columns, never a hash, with progress on stderr', async () => {
    const { stdout, stderr } = await run(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      ['scripts/export-users.ts', '--out', out],
      {
        cwd: root,
        env: { ...process.env, LEGACY_DATABASE_URL: server.url },
      },
    );

    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(/\$2[aby]\$\d\d\$/);
    const users = JSON.parse(text) as Array<Record<string, unknown>>;
    expect(users).toHaveLength(1234);
    for (const user of users)
      expect(Object.keys(user)).toEqual(['id', 'email', 'name', 'createdAt', 'updatedAt']);
    expect(users.find((u) => u.email === 'Lee.Legacy@Example.com')).toMatchObject({
      id: '6f1c3a0e-5b7d-4d43-9a1e-6f0c2e8b9d11',
      name: 'Lee Legacy',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(stderr.trim().split('\n')).toEqual([
      'exported 500 users',
      'exported 1000 users',
      'exported 1234 users',
    ]);
    expect(stdout).toContain('Wrote 1234 users');
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('refuses to run without LEGACY_DATABASE_URL, and writes nothing', async () => {
    const { LEGACY_DATABASE_URL: _, ...env } = process.env;
    const failed = await run(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      ['scripts/export-users.ts', '--out', `${out}.x`],
      {
        cwd: root,
        env,
      },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('LEGACY_DATABASE_URL is not set'),
    });
    expect(existsSync(`${out}.x`)).toBe(false);
  });
});
