import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { legacyUserRows } from '../lambdas/core/adapters/postgres/legacy-user-export';
import { legacyConnectionString } from '../lambdas/core/domain/legacy-connection';
import { parseArgs, run } from './cli';

const USAGE = `Usage: LEGACY_DATABASE_URL=postgres://... npm run export-users -- [--out backups/users-<timestamp>.json]

Writes every user of the legacy PostgreSQL "User" table to a JSON file (an
array of {id, email, name, createdAt, updatedAt}) as a backup before the
migration. Password hashes are never read, so never written. Progress goes
to stderr; rows are streamed, never all held in memory. backups/ is git-ignored.`;

run(async () => {
  const { options, positional } = parseArgs(process.argv.slice(2));
  if (positional.length > 0 || options.help !== undefined) {
    console.info(USAGE);
    return positional.length > 0 ? 2 : 0;
  }
  const url = process.env.LEGACY_DATABASE_URL;
  if (!url) {
    console.error(`LEGACY_DATABASE_URL is not set.\n\n${USAGE}`);
    return 2;
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = options.out || path.join('backups', `users-${stamp}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  const file = createWriteStream(out, { mode: 0o600 });
  const write = async (text: string) => {
    if (!file.write(text)) await once(file, 'drain');
  };
  let count = 0;
  await write('[');
  for await (const batch of legacyUserRows(legacyConnectionString(url))) {
    for (const user of batch) await write(`${count++ === 0 ? '\n' : ',\n'}  ${JSON.stringify(user)}`);
    process.stderr.write(`exported ${count} users\n`);
  }
  await write(count === 0 ? ']\n' : '\n]\n');
  file.end();
  await once(file, 'finish');
  console.info(`Wrote ${count} users to ${out} (no password hashes).`);
  return 0;
});
