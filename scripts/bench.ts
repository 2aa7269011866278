import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { OPERATION_LIST } from '../lambdas/operations';
import { TRIGGER_LIST } from '../lambdas/triggers';
import { DEPLOYED_NODE_OPTIONS } from '../lib/constructs/lambda-preset';
import { bareTwin, build, buildSample, clientsIn, SAMPLE_PACKAGE, SAMPLE_TRIGGERS } from './bench-build';
import { buildPresetSamples, preloadScript, presetSection } from './bench-preset';

/**
 * Bundle size and cold-start module load of every function, measured, not
 * guessed. Each operation and trigger is bundled exactly as the stack deploys
 * it (lib/constructs/bundling.ts: minified, source maps, ES-module SDK builds,
 * MOCK_MODE "false") and `require`d in fresh Node processes with the
 * deployed NODE_OPTIONS; beside it a bare twin that imports and constructs the
 * same SDK clients (built the same way), an empty handler, and the same
 * handler built from the SDK's CommonJS builds (esbuild's default main
 * fields, the build before the switch). Every round runs every task once, in
 * a shuffled order; each figure is the median of RUNS rounds. Writes
 * docs/benchmarks.md.
 *
 *   npm run bench [-- --runs 15]
 */
const root = path.join(__dirname, '..');
const out = path.join(root, 'bench-out');
const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(option('runs') ?? 15);
/** The Node binary the fresh processes run on (`--node`, e.g. a Node 24 like Lambda's nodejs24.x). */
const NODE = option('node') ?? process.execPath;
const NODE_VERSION = execFileSync(NODE, ['--version']).toString().trim();
/** What the stack sets on every function (lib/constructs/lambda-preset.ts). */
const NODE_OPTIONS = DEPLOYED_NODE_OPTIONS;
/** The functions the source-map section loads with and without `--enable-source-maps`. */
const SOURCE_MAP_SAMPLE = [
  'login',
  'getProfile',
  'provisionNewAdmin',
  'listUsers',
  'createAuthChallenge',
  'userMigration',
];

interface Task {
  id: string;
  file: string;
  /** NODE_OPTIONS of this task's processes (default: the deployed ones). */
  nodeOptions?: string;
  /** The Node binary (default: NODE). */
  node?: string;
  /** First require what the Lambda runtime requires before a handler (scripts/bench-preset.ts). */
  preload?: boolean;
}

/** One fresh process: the load in ms and the resident set size after it, in MiB. */
function loadOnce(task: Task): { ms: number; rss: number } {
  // The clock is read before process.stdout is touched: its first use costs about 1 ms.
  const done =
    'const ms=Number(process.hrtime.bigint()-t)/1e6;process.stdout.write(ms+" "+process.memoryUsage().rss/1048576)';
  const script = `${task.preload ? preloadScript() : ''}${
    task.file.endsWith('.mjs')
      ? `const t=process.hrtime.bigint();import(${JSON.stringify(`file://${task.file}`)}).then(()=>{${done}})`
      : `const t=process.hrtime.bigint();require(${JSON.stringify(task.file)});${done}`
  }`;
  const [ms, rss] = execFileSync(task.node ?? NODE, ['-e', script], {
    cwd: out,
    env: { ...process.env, AWS_REGION: 'us-east-1', NODE_OPTIONS: task.nodeOptions ?? NODE_OPTIONS },
  })
    .toString()
    .split(' ')
    .map(Number);
  return { ms: ms as number, rss: rss as number };
}

function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Median load (ms) and RSS (MiB) per task id. */
function medians(tasks: Task[]): { ms: Map<string, number>; rss: Map<string, number> } {
  const samples = new Map<string, Array<{ ms: number; rss: number }>>(tasks.map((t) => [t.id, []]));
  for (let round = 0; round < RUNS; round++) {
    for (const task of shuffle(tasks)) samples.get(task.id)?.push(loadOnce(task));
  }
  const pick = (key: 'ms' | 'rss') =>
    new Map([...samples].map(([id, values]) => [id, median(values.map((v) => v[key]))]));
  return { ms: pick('ms'), rss: pick('rss') };
}

function main(): void {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const functions = [
    ...OPERATION_LIST.map((op) => ({ name: op.name, kind: 'operation', entry: op.entry })),
    ...TRIGGER_LIST.map((t) => ({ name: t.name, kind: 'trigger', entry: t.entry })),
  ];
  const empty = bareTwin([], out);
  const tasks: Task[] = [
    { id: 'bare:empty', file: empty },
    { id: 'bare:empty:preloaded', file: empty, preload: true },
  ];
  for (const [name, file] of Object.entries(buildPresetSamples(out))) {
    tasks.push({ id: `preset:${name}`, file }, { id: `preset:${name}:preloaded`, file, preload: true });
  }
  const rows = functions.map((fn) => {
    const entry = path.join(root, 'lambdas', fn.entry);
    const deployed = path.join(out, `${fn.name}.js`);
    const cjs = path.join(out, `${fn.name}.cjs-sdk.js`);
    const size = build(entry, deployed, 'deployed');
    const cjsSize = build(entry, cjs, 'cjs-sdk');
    const clients = clientsIn(deployed);
    const twin = `bare:${clients.join('+') || 'empty'}`;
    if (!tasks.some((t) => t.id === twin)) tasks.push({ id: twin, file: bareTwin(clients, out) });
    // The twin as built before the credential trim: the SDK's whole default chain.
    if (!tasks.some((t) => t.id === `${twin}:default-chain`))
      tasks.push({ id: `${twin}:default-chain`, file: bareTwin(clients, out, 'default-chain') });
    tasks.push({ id: fn.name, file: deployed }, { id: `${fn.name}:cjs`, file: cjs });
    // Functions without an SDK client: their load is mostly the preset's, so also after the runtime's modules.
    if (clients.length === 0) tasks.push({ id: `${fn.name}:preloaded`, file: deployed, preload: true });
    return { ...fn, size, cjsSize, clients, twin, mapSize: statSync(`${deployed}.map`).size };
  });

  const sampleDir = path.join(SAMPLE_PACKAGE, 'bench-out');
  mkdirSync(sampleDir, { recursive: true });
  for (const [name, file] of Object.entries(SAMPLE_TRIGGERS)) {
    const outfile = path.join(sampleDir, `${name}.mjs`);
    buildSample(file, outfile);
    tasks.push({ id: `sample:${name}`, file: outfile });
  }

  // Source maps at runtime: a sample loaded with and without the flag, on this Node and the host's.
  const nodes = [...new Set([NODE, process.execPath])];
  for (const name of SOURCE_MAP_SAMPLE) {
    for (const [n, node] of nodes.entries()) {
      for (const flag of ['--enable-source-maps', '']) {
        tasks.push({
          id: `map:${name}:${n}:${flag}`,
          file: path.join(out, `${name}.js`),
          node,
          nodeOptions: flag,
        });
      }
    }
  }

  console.info(`${tasks.length} loads per round, ${RUNS} rounds ...`);
  const { ms, rss } = medians(tasks);
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  const at = (id: string) => ms.get(id) ?? Number.NaN;
  const table = rows.map((r) => {
    const load = at(r.name);
    const cjsLoad = at(`${r.name}:cjs`);
    const chain = at(`${r.twin}:default-chain`);
    return `| \`${r.name}\` | ${r.kind} | ${r.clients.map((c) => c.replace(/Client$/, '')).join(', ') || 'none'} | ${kib(r.size)} (+ ${kib(r.mapSize)} map) | ${load.toFixed(1)} ms | ${at(r.twin).toFixed(1)} ms | ${(load / at(r.twin)).toFixed(2)}x | ${chain.toFixed(1)} ms | ${(load / chain).toFixed(2)}x | ${kib(r.cjsSize)}, ${cjsLoad.toFixed(1)} ms | ${(load / cjsLoad).toFixed(2)}x |`;
  });
  const doc = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench${NODE === process.execPath ? '' : ' -- --node <Node 24 binary>'}\` on ${new Date().toISOString().slice(0, 10)}, Node ${NODE_VERSION} (the fresh processes; Lambda runs nodejs24.x), ${RUNS} rounds (median; every round loads every bundle once, in a shuffled order).`,
    '',
    '- **Bundle**: built exactly as the stack deploys it (`lib/constructs/bundling.ts`: minified, source map, the SDK bundled from its ES modules, MOCK_MODE `"false"`).',
    `- **Load**: \`require()\` of the bundle in a fresh Node process with the deployed \`NODE_OPTIONS\` (${NODE_OPTIONS ? `\`${NODE_OPTIONS}\`` : 'none'}), timed before stdout is touched: the module-initialisation part of a cold start (Lambda's own runtime start and the first network call are not included).`,
    '- **Bare twin**: a handler that imports and constructs the same SDK clients (read off the bundle) and does nothing else, built the same way; the ratio is what the function adds on top of its SDK clients.',
    "- **Twin with the default credential chain**: the same twin built with the SDK's whole default credential chain, as every bundle was before the trim to the environment provider (lib/constructs/bundling.ts, `SDK_SHIMS`); goal: load <= 0.8x of it.",
    `- **Empty handler**: ${at('bare:empty').toFixed(1)} ms (the floor of a Node process loading a bundle).`,
    "- **CommonJS SDK**: the same function with esbuild's default `mainFields` for Node, which picks each SDK client's one-file CommonJS build (every command of the service); the last column is deployed / CommonJS.",
    '',
    '| function | kind | SDK clients | bundle | load | bare twin | ratio | twin with the default credential chain | load / that twin | CommonJS SDK build | deployed / CommonJS |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...table,
    '',
    '## Passwordless triggers beside amazon-cognito-passwordless-auth',
    '',
    'The same run, the triggers of `amazon-cognito-passwordless-auth@0.17.0` built as its CDK construct ships them (ESM, `@aws-sdk/*` external as on the Lambda runtime). Goals: DefineAuthChallenge <= 2x the empty handler; Create and Verify <= 0.8x theirs.',
    '',
    '| trigger | ours | theirs | ours / theirs | ours / empty handler |',
    '|---|---|---|---|---|',
    ...Object.keys(SAMPLE_TRIGGERS).map((name) => {
      const ours = at(name);
      const theirs = at(`sample:${name}`);
      return `| \`${name}\` | ${ours.toFixed(1)} ms | ${theirs.toFixed(1)} ms | ${(ours / theirs).toFixed(2)}x | ${(ours / at('bare:empty')).toFixed(2)}x |`;
    }),
    '',
    ...presetSection(
      at,
      rows.filter((r) => r.clients.length === 0).map((r) => r.name),
    ),
    '## Source maps at runtime',
    '',
    'The same run: a sample of functions loaded with and without `NODE_OPTIONS=--enable-source-maps` (the `.map` file beside each bundle), load time and resident set size after the load (median).',
    '',
    '| function | Node | load with | load without | added | RSS with | RSS without |',
    '|---|---|---|---|---|---|---|',
    ...SOURCE_MAP_SAMPLE.flatMap((name) =>
      nodes.map((node, n) => {
        const [withMs, withoutMs] = [at(`map:${name}:${n}:--enable-source-maps`), at(`map:${name}:${n}:`)];
        const [withRss, withoutRss] = [
          rss.get(`map:${name}:${n}:--enable-source-maps`) ?? Number.NaN,
          rss.get(`map:${name}:${n}:`) ?? Number.NaN,
        ];
        const version = execFileSync(node, ['--version']).toString().trim();
        return `| \`${name}\` | ${version} | ${withMs.toFixed(1)} ms | ${withoutMs.toFixed(1)} ms | ${withMs >= withoutMs ? '+' : ''}${(withMs - withoutMs).toFixed(1)} ms (${((withMs / withoutMs - 1) * 100).toFixed(0)} %) | ${withRss.toFixed(1)} MiB | ${withoutRss.toFixed(1)} MiB |`;
      }),
    ),
    '',
  ].join('\n');
  // Sections other scripts own (npm run bench:gate) are kept.
  const file = path.join(root, 'docs', 'benchmarks.md');
  const kept = readFileSync(file, 'utf8').split('\n## Caller gate')[1];
  writeFileSync(file, kept === undefined ? doc : `${doc}\n## Caller gate${kept}`);
  rmSync(out, { recursive: true, force: true });
  rmSync(sampleDir, { recursive: true, force: true });
  console.info(doc);
}

main();
