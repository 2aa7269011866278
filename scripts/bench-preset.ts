import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { build } from './bench-build';

/**
 * What the presets add to a cold start (scripts/bench.ts), measured two ways:
 *
 * - in a fresh Node process, as every other figure of the bench;
 * - in a process that has first required what the Lambda Node.js runtime
 *   requires before it loads a handler. Its runtime interface client (the
 *   bootstrap in /var/runtime) requires `util`, `fs` (log patching), `path`
 *   (handler resolution), `assert` (invoke context), `net` (response streams)
 *   and `http` (the Runtime API client, built before the handler is loaded);
 *   `http` in turn loads Node's `stream`, `events` and `timers`. Modules
 *   already loaded cost a handler nothing, so this is the figure a deployed
 *   function pays.
 */
export const RUNTIME_PRELOAD = ['util', 'fs', 'path', 'assert', 'net', 'http'];

/** Code run before the clock starts in a "runtime-preloaded" process. */
export const preloadScript = () => `for(const m of ${JSON.stringify(RUNTIME_PRELOAD)})require(m);`;

const root = path.join(__dirname, '..');
const DEFINITION =
  "{ name: 'bench', method: 'POST', path: '/bench', access: 'public', entry: '', summary: '', permissions: {}, success: { 200: 'ok' } }";

/** Sample handlers: middy's core alone, the HTTP preset and the trigger preset around a no-op. */
const SAMPLES = {
  middy: ["import middy from '@middy/core';", 'export const handler = middy().handler(async () => ({}));'],
  httpPreset: [
    `import { httpOperation } from '${path.join(root, 'lambdas/core/http/preset')}';`,
    `export const handler = httpOperation(${DEFINITION} as never, {}, async () => ({ status: 200, body: {} }));`,
  ],
  triggerPreset: [
    `import { cognitoTrigger } from '${path.join(root, 'lambdas/core/trigger/preset')}';`,
    "export const handler = cognitoTrigger({ name: 'bench' } as never, async (event) => event);",
  ],
} as const;

export const PRESET_SAMPLES = Object.keys(SAMPLES) as Array<keyof typeof SAMPLES>;

/** Builds every sample as the stack builds a function; returns sample name -> bundle file. */
export function buildPresetSamples(out: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(SAMPLES).map(([name, lines]) => {
      const source = path.join(out, `preset-${name}.ts`);
      writeFileSync(source, lines.join('\n'));
      const file = path.join(out, `preset-${name}.js`);
      build(source, file, 'deployed');
      return [name, file];
    }),
  );
}

const LABELS: Record<keyof typeof SAMPLES, string> = {
  middy: '`@middy/core` alone, around a no-op',
  httpPreset: 'the HTTP preset (middy + our middlewares, error table, log)',
  triggerPreset: 'the trigger preset (middy + log)',
};

/** The docs/benchmarks.md section, from the run's medians (`at(id)` in ms). */
export function presetSection(at: (id: string) => number, clientless: string[]): string[] {
  const empty = at('bare:empty');
  const emptyPreloaded = at('bare:empty:preloaded');
  const added = (ms: number, base: number) => `${ms >= base ? '+' : ''}${(ms - base).toFixed(2)} ms`;
  return [
    '## What the presets add',
    '',
    `The same run: a no-op handler wrapped by each preset, loaded in a fresh process and in one that first required what the Lambda Node.js runtime requires before it loads a handler (${RUNTIME_PRELOAD.map((m) => `\`${m}\``).join(', ')}; \`http\` brings \`stream\`, \`events\` and \`timers\`: scripts/bench-preset.ts says why). "Added" is over the empty handler in the same kind of process.`,
    '',
    '| sample | fresh process | added | runtime modules loaded | added |',
    '|---|---|---|---|---|',
    `| empty handler | ${empty.toFixed(2)} ms | — | ${emptyPreloaded.toFixed(2)} ms | — |`,
    ...PRESET_SAMPLES.map((name) => {
      const [fresh, preloaded] = [at(`preset:${name}`), at(`preset:${name}:preloaded`)];
      return `| ${LABELS[name]} | ${fresh.toFixed(2)} ms | ${added(fresh, empty)} | ${preloaded.toFixed(2)} ms | ${added(preloaded, emptyPreloaded)} |`;
    }),
    ...clientless.map((name) => {
      const [fresh, preloaded] = [at(name), at(`${name}:preloaded`)];
      return `| \`${name}\` (its deployed bundle; no SDK client) | ${fresh.toFixed(2)} ms (${(fresh / empty).toFixed(2)}x) | ${added(fresh, empty)} | ${preloaded.toFixed(2)} ms (${(preloaded / emptyPreloaded).toFixed(2)}x) | ${added(preloaded, emptyPreloaded)} |`;
    }),
    '',
  ];
}
