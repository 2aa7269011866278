import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { OPERATION_LIST } from '../lambdas/operations';

/**
 * Bundle size and cold-start module load of every operation, measured, not
 * guessed: each handler is bundled with the stack's esbuild options (minified,
 * MOCK_MODE defined "false"), once with the AWS SDK bundled and once with it
 * external (as the Lambda runtime provides it), then `require`d in fresh Node
 * processes; the median of RUNS loads is reported. Writes docs/benchmarks.md.
 *
 *   npm run bench [-- --runs 15]
 */
const root = path.join(__dirname, '..');
const out = path.join(root, 'bench-out');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 11;

function bundle(entry: string, outfile: string, sdkExternal: boolean): number {
  buildSync({
    entryPoints: [path.join(root, 'lambdas', entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    keepNames: true,
    define: { 'process.env.MOCK_MODE': '"false"' },
    external: sdkExternal ? ['@aws-sdk/*', '@smithy/*'] : [],
    logLevel: 'error',
  });
  return statSync(outfile).size;
}

function loadMs(file: string): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const script = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
    samples.push(
      Number(
        execFileSync(process.execPath, ['-e', script], {
          cwd: root,
          env: { ...process.env, AWS_REGION: 'us-east-1' },
        }),
      ),
    );
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}

function main(): void {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const rows: string[] = [];
  for (const op of OPERATION_LIST) {
    const bundled = path.join(out, `${op.name}.bundled.js`);
    const external = path.join(out, `${op.name}.external.js`);
    const bundledSize = bundle(op.entry, bundled, false);
    const externalSize = bundle(op.entry, external, true);
    const bundledMs = loadMs(bundled);
    const externalMs = loadMs(external);
    rows.push(
      `| \`${op.name}\` | ${(bundledSize / 1024).toFixed(0)} KiB | ${bundledMs.toFixed(1)} ms | ${(externalSize / 1024).toFixed(0)} KiB | ${externalMs.toFixed(1)} ms |`,
    );
    console.info(rows.at(-1));
  }
  const doc = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${RUNS} fresh processes per figure (median).`,
    'Load = `require()` of the minified bundle in a new Node process: the module-initialisation part of a cold start',
    "(Lambda's own runtime start and the first network call are not included). SDK external = `@aws-sdk/*` and `@smithy/*`",
    "left out of the bundle and loaded from node_modules, as they would be from the Lambda runtime's copy.",
    '',
    '| operation | bundle (SDK bundled) | load | bundle (SDK external) | load |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  writeFileSync(path.join(root, 'docs', 'benchmarks.md'), doc);
  rmSync(out, { recursive: true, force: true });
  console.info('wrote docs/benchmarks.md');
}

main();
