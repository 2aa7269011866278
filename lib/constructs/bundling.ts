import * as path from 'node:path';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

/**
 * The one set of esbuild options every function is bundled with. The stack
 * hands them to NodejsFunction; `npm run bench` and the bundle tests build
 * with exactly these, so what is measured is what is deployed.
 *
 * `mainFields: ['module', 'main']` makes esbuild take each AWS SDK package's
 * ES module build instead of its one-file CommonJS build, which holds every
 * command of the service: bundles shrink and load in about half the time
 * (docs/decisions/0014-sdk-es-modules.md).
 */
export const BUNDLING = {
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  keepNames: true,
  target: 'node24',
  mainFields: ['module', 'main'],
} as const;

/**
 * Node built-ins that middy's core imports for response streaming only (no
 * function streams), bundled as shims that load the real module on first use:
 * `node:stream/web` costs a cold start about 2.5 ms even after the modules the
 * Lambda runtime has loaded (docs/decisions/0042-middy-back.md). Its other
 * streaming imports (`node:stream`, `node:stream/promises`) are loaded by
 * Node's HTTP stack anyway. Paths are from the project root; the bundle test
 * checks middy is the only importer.
 */
export const LAZY_BUILTINS = {
  'node:stream/web': 'lib/constructs/bundle-shims/stream-web.cjs',
} as const;

/**
 * The AWS SDK's default credential chain replaced by the one provider Lambda
 * uses, the environment (an ES module, so esbuild hoists it like the SDK's
 * own): the chain's other providers (SSO, INI files, processes, web identity,
 * instance and container metadata) are never used in a function and made up a
 * third of each bundle (docs/decisions/0046-env-credentials-only.md).
 */
export const SDK_SHIMS = {
  '@aws-sdk/credential-provider-node': 'lib/constructs/bundle-shims/env-credentials.mjs',
  // The SDK's HTTP protocol imports event-stream support dynamically; no function streams
  // events, and the dynamic import made esbuild wrap most of @smithy/core in lazy
  // initialisers that V8 compiles eagerly (docs/decisions/0048-no-lazy-sdk-wrappers.md).
  '@smithy/core/event-streams': 'lib/constructs/bundle-shims/no-event-streams.cjs',
} as const;

/** Every alias of the bundles, to absolute paths (`defaultChain`: keep the SDK's chain, for the benchmark). */
function aliases(options: { defaultChain?: boolean } = {}): Record<string, string> {
  const shims = { ...LAZY_BUILTINS, ...(options.defaultChain ? {} : SDK_SHIMS) };
  return Object.fromEntries(
    Object.entries(shims).map(([name, shim]) => [name, path.join(PROJECT_ROOT, shim)]),
  );
}

const PROJECT_ROOT = path.join(__dirname, '..', '..');

/** `process.env.MOCK_MODE` as a constant, so esbuild drops the fakes from production bundles. */
export function mockModeDefine(mockMode: boolean): Record<string, string> {
  return { 'process.env.MOCK_MODE': JSON.stringify(String(mockMode)) };
}

/** The options for NodejsFunction. */
export function functionBundling(mockMode: boolean): nodejs.BundlingOptions {
  return {
    ...BUNDLING,
    mainFields: [...BUNDLING.mainFields],
    format: nodejs.OutputFormat.CJS,
    // The SDK is bundled (pinned, tree-shaken); see docs/decisions/0003-sdk-bundled.md.
    externalModules: [],
    define: mockModeDefine(mockMode),
    esbuildArgs: { '--alias': Object.entries(aliases()).map(([name, shim]) => `${name}=${shim}`) },
  };
}

/** The same options for esbuild's own API (benchmarks, bundle tests). */
export function esbuildOptions(mockMode: boolean, options: { defaultChain?: boolean } = {}): BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    minify: BUNDLING.minify,
    sourcemap: BUNDLING.sourceMap,
    sourcesContent: BUNDLING.sourcesContent,
    keepNames: BUNDLING.keepNames,
    target: BUNDLING.target,
    mainFields: [...BUNDLING.mainFields],
    define: mockModeDefine(mockMode),
    alias: aliases(options),
    logLevel: 'error',
  };
}
