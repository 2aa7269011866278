import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import type { LegacyUser } from '../../lambdas/core/ports/legacy-users';
import { freePort } from './processes';

/**
 * A real PostgreSQL from Debian's packages, for the tests and
 * `npm run start:emulators` (the legacy database): a fresh data
 * directory under the temp dir, a free loopback port, trust auth on
 * loopback only; stopped and removed by `stop`. initdb refuses to run as
 * root, so under root it runs as the `postgres` user the package created.
 */
/** Whether Debian's PostgreSQL package is installed. */
export function postgresInstalled(): boolean {
  return existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').length > 0;
}

export async function startPostgres(): Promise<{ url: string; stop: () => void }> {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort().at(-1) : undefined;
  if (!version) throw new Error('PostgreSQL is not installed (apt-get install postgresql; .ci/run does it).');
  const bin = (tool: string) => path.join(root, version, 'bin', tool);
  const dir = mkdtempSync(path.join(tmpdir(), 'legacy-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', bin(tool), ...args], { stdio: 'pipe' })
      : execFileSync(bin(tool), args, { stdio: 'pipe' });
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir}`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * The legacy app's `User` table as its Prisma model makes it (seed 004:
 * `id`, `email` unique, `name`, bcrypt `password`, `createdAt`, `updatedAt`),
 * with `users` in it.
 */
export async function createLegacyUserTable(url: string, users: readonly LegacyUser[] = []): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `CREATE TABLE IF NOT EXISTS "User" ("id" text PRIMARY KEY, "email" text NOT NULL UNIQUE, "name" text,
        "password" text NOT NULL, "createdAt" timestamptz NOT NULL DEFAULT now(), "updatedAt" timestamptz NOT NULL DEFAULT now())`,
    );
    for (const user of users) await insertLegacyUser(client, user);
  } finally {
    await client.end();
  }
}

/** One legacy user (a test's own, with its own email). */
export async function insertLegacyUser(target: Client | string, user: LegacyUser): Promise<void> {
  const client = typeof target === 'string' ? new Client({ connectionString: target }) : target;
  if (typeof target === 'string') await client.connect();
  try {
    await client.query('INSERT INTO "User" ("id", "email", "name", "password") VALUES ($1, $2, $3, $4)', [
      user.id,
      user.email,
      user.name ?? null,
      user.passwordHash,
    ]);
  } finally {
    if (typeof target === 'string') await client.end();
  }
}
