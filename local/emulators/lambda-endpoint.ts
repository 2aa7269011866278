import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import type { TriggerDefinition } from '../../lambdas/core/trigger/definition';
import { TRIGGER_LIST } from '../../lambdas/triggers';
import { esbuildOptions } from '../../lib/constructs/bundling';
import { LAMBDAS_DIR } from '../../lib/constructs/lambda-preset';
import { watched } from './processes';

/** Builds a handler's production bundle (the stack's esbuild options, MOCK_MODE=false) into `dir`. */
export function buildProductionBundle(entry: string, name: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, `${name}.js`);
  buildSync({ ...esbuildOptions(false), entryPoints: [path.join(LAMBDAS_DIR, entry)], outfile });
  return outfile;
}

/**
 * Starts the loopback Lambda Invoke endpoint that cognito-local calls for
 * its triggers (`LambdaClient.endpoint`), serving each trigger row's
 * production bundle under its registry name.
 */
export function startLambdaEndpoint(options: {
  port: number;
  workDir: string;
  logFile: string;
  triggers?: readonly TriggerDefinition[];
  /** Extra environment of the trigger functions (as the stack gives them theirs). */
  environment?: Record<string, string>;
}): ChildProcess {
  const functions = Object.fromEntries(
    (options.triggers ?? TRIGGER_LIST).map((row) => [
      row.name,
      buildProductionBundle(row.entry, row.name, path.join(options.workDir, 'bundles')),
    ]),
  );
  const config = JSON.stringify({ port: options.port, functions, log: options.logFile });
  const out = openSync(path.join(options.workDir, 'lambda-service.out'), 'a');
  try {
    return watched(
      spawn(process.execPath, [path.join(__dirname, 'lambda-service.js')], {
        env: { ...process.env, ...options.environment, LAMBDA_SERVICE_CONFIG: config },
        stdio: ['ignore', out, out],
      }),
    );
  } finally {
    closeSync(out);
  }
}

/** What cognito-local's configuration needs to call the trigger registry on the endpoint. */
export function cognitoLocalTriggerConfig(
  port: number,
  triggers: readonly TriggerDefinition[] = TRIGGER_LIST,
) {
  return {
    LambdaClient: {
      endpoint: `http://127.0.0.1:${port}`,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    },
    TriggerFunctions: Object.fromEntries(triggers.map((row) => [row.trigger, row.name])),
  };
}
