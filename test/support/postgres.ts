import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { freePort } from '../../local/emulators/processes';

/**
 * A real PostgreSQL from Debian's packages, for the tests: a fresh data
 * directory under the temp dir, a free loopback port, trust auth on
 * loopback only; stopped and removed by `stop`. initdb refuses to run as
 * root, so under root it runs as the `postgres` user the package created.
 */
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
