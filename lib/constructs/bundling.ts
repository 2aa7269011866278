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
 * (docs/decisions.md, "Bundling the SDK from its ES modules").
 */
export const BUNDLING = {
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  keepNames: true,
  target: 'node24',
  mainFields: ['module', 'main'],
} as const;

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
    // The SDK is bundled (pinned, tree-shaken); see docs/decisions.md.
    externalModules: [],
    define: mockModeDefine(mockMode),
  };
}

/** The same options for esbuild's own API (benchmarks, bundle tests). */
export function esbuildOptions(mockMode: boolean): BuildOptions {
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
    logLevel: 'error',
  };
}
