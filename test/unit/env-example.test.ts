import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { SECRETS } from '../../lambdas/core/secrets';
import { TABLES } from '../../lambdas/core/tables';

const root = path.join(__dirname, '..', '..');
/** Read by tooling, not by the product: the emulators' own wiring and CDK's account defaults. */
const INTERNAL = new Set([
  'LAMBDA_SERVICE_CONFIG',
  'BENCH_BARE',
  'CDK_DEFAULT_ACCOUNT',
  'CDK_DEFAULT_REGION',
  'EMULATOR_STATE_FILE',
  'WRITE_ROUND_TRIPS',
  'UPDATE_README_SCREENSHOT',
]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.(ts|js)$/.test(name) ? [file] : [];
  });
}

describe('.env.example', () => {
  it('lists every variable the project reads', () => {
    const read = new Set<string>();
    for (const file of ['lambdas', 'local', 'lib', 'scripts', 'bin'].flatMap((d) =>
      sources(path.join(root, d)),
    )) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/process\.env\.([A-Z][A-Z0-9_]+)|required\('([A-Z][A-Z0-9_]+)'\)/g))
        read.add((m[1] ?? m[2]) as string);
    }
    for (const t of Object.values(TABLES)) read.add(t.envVar);
    for (const s of Object.values(SECRETS)) read.add(s.arnEnv).add(s.valueEnv);
    read.add('AWS_REGION');
    const listed = new Set(
      readFileSync(path.join(root, '.env.example'), 'utf8')
        .split('\n')
        .map((line) => /^([A-Z][A-Z0-9_]+)=/.exec(line)?.[1])
        .filter((name): name is string => Boolean(name)),
    );
    expect([...read].filter((name) => !INTERNAL.has(name) && !listed.has(name)).sort()).toEqual([]);
  });
});
