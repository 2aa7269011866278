import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildSync } from 'esbuild';
import { OPERATIONS } from '../../lambdas/operations';
import { TRIGGERS } from '../../lambdas/triggers';
import { configureApp } from '../../lib/app';
import { esbuildOptions, LAZY_BUILTINS } from '../../lib/constructs/bundling';
import { ourFunctions } from '../support/functions';

/** Synthesizes with real esbuild bundling and returns each operation's bundle text. */
function bundles(context: Record<string, unknown>): Record<string, string> {
  const outdir = mkdtempSync(path.join(tmpdir(), 'cdk-bundle-'));
  try {
    const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true, ...context } });
    const stack = configureApp(app);
    const assembly = app.synth();
    const functions = ourFunctions(Template.fromStack(stack));
    const out: Record<string, string> = {};
    for (const [id, fn] of Object.entries(functions)) {
      const assetPath = fn.Metadata?.['aws:asset:path'] as string;
      const name = id.replace(/^(Op|Trigger)/, '').replace(/Function[0-9A-F]{8}$/, '');
      out[name] = readFileSync(path.join(assembly.directory, assetPath, 'index.js'), 'utf8');
    }
    return out;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

describe('function bundles (real esbuild)', () => {
  // With a legacy database, so the opt-in UserMigration trigger is built too.
  const production = bundles({
    legacyDatabaseSecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:legacy-db-AbC123',
  });

  it('builds one bundle per operation and per trigger', () => {
    expect(Object.keys(production).sort()).toEqual(
      [...Object.keys(OPERATIONS), ...Object.keys(TRIGGERS)].sort(),
    );
  });

  it('leave the in-memory fakes out of production bundles', () => {
    const fakes = ['InMemoryCognito', 'InMemoryUserStore', 'Outbox'];
    const found = Object.entries(production).flatMap(([name, code]) =>
      fakes.filter((fake) => code.includes(`"${fake}"`)).map((fake) => `${name}: ${fake}`),
    );
    expect(found).toEqual([]);
  });

  it('carry only the SDK clients their handler uses', () => {
    const has = (name: string, marker: string) => production[name]?.includes(marker) ?? false;
    expect({
      getProfileHasCognito: has('getProfile', 'AdminCreateUserCommand'),
      getProfileHasGetUser: has('getProfile', 'GetUserCommand'),
      loginHasDynamoDb: has('login', 'PutItemCommand'),
      loginHasPg: has('login', 'SCRAM-SHA-256'),
      userMigrationHasPg: has('userMigration', 'SCRAM-SHA-256'),
      userMigrationHasCognito: has('userMigration', 'AdminCreateUserCommand'),
      createCognitoUserHasCognito: has('createCognitoUser', 'AdminCreateUserCommand'),
      createCognitoUserHasDynamoDb: has('createCognitoUser', 'PutItemCommand'),
      customMessageHasAnySdk: has('customMessage', 'smithy') || has('customMessage', 'Command'),
    }).toEqual({
      getProfileHasCognito: false,
      // The caller gate asks Cognito about each token (GetUser; docs/security.md).
      getProfileHasGetUser: true,
      // A migrated user's first sign-in writes their Users record (core/workflows/common/migrated-record.ts).
      loginHasDynamoDb: true,
      // Only the UserMigration trigger holds the PostgreSQL client (core/deps-legacy.ts).
      loginHasPg: false,
      userMigrationHasPg: true,
      userMigrationHasCognito: false,
      createCognitoUserHasCognito: true,
      createCognitoUserHasDynamoDb: true,
      customMessageHasAnySdk: false,
    });
  });

  it("load middy's response-streaming import (node:stream/web) only on first use", () => {
    const eager = Object.entries(production)
      .filter(([, code]) => code.includes('"node:stream/web"'))
      .map(([name]) => name);
    const lazy = Object.entries(production).filter(([, code]) => code.includes('require("stream/web")'));
    expect({ eager, lazy: lazy.length }).toEqual({ eager: [], lazy: Object.keys(production).length });
    // In a fresh Node process, loading a bundle leaves Node's web streams unloaded.
    const dir = mkdtempSync(path.join(tmpdir(), 'lazy-web-'));
    try {
      const file = path.join(dir, 'index.js');
      writeFileSync(file, production.defineAuthChallenge as string);
      const loaded = execFileSync(process.execPath, [
        '-e',
        `require(${JSON.stringify(file)});process.stdout.write(String(process.moduleLoadList.some((m)=>m.includes('webstreams/readablestream'))))`,
      ]).toString();
      expect(loaded).toBe('false');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("has middy's core as the only importer of the lazily loaded built-ins", () => {
    const importers = new Set<string>();
    for (const entry of [...Object.values(OPERATIONS), ...Object.values(TRIGGERS)].map((d) => d.entry)) {
      const { metafile } = buildSync({
        ...esbuildOptions(false),
        entryPoints: [path.join(__dirname, '..', '..', 'lambdas', entry)],
        write: false,
        outdir: tmpdir(),
        metafile: true,
      });
      for (const [file, input] of Object.entries(metafile.inputs))
        for (const i of input.imports)
          if (Object.values(LAZY_BUILTINS).some((shim) => i.path.endsWith(shim))) importers.add(file);
    }
    expect([...importers]).toEqual(['node_modules/@middy/core/index.js']);
  });

  it('carry only the environment credential provider, none of the rest of the default chain', () => {
    const others = [
      'fromSSO',
      'fromIni',
      'fromProcess',
      'fromTokenFile',
      'fromInstanceMetadata',
      'fromContainerMetadata',
    ];
    const found = Object.entries(production).flatMap(([name, code]) =>
      others.filter((provider) => code.includes(provider)).map((provider) => `${name}: ${provider}`),
    );
    const withSdk = Object.entries(production).filter(([, code]) => code.includes('smithy'));
    expect({
      found,
      withoutEnv: withSdk.filter(([, code]) => !code.includes('fromEnv')).map(([n]) => n),
    }).toEqual({
      found: [],
      withoutEnv: [],
    });
  });

  it('wrap no SDK module in a lazy initialiser (V8 would compile it eagerly at every cold start)', () => {
    const wrapped: string[] = [];
    for (const entry of [...Object.values(OPERATIONS), ...Object.values(TRIGGERS)].map((d) => d.entry)) {
      const { outputFiles } = buildSync({
        ...esbuildOptions(false),
        minify: false,
        sourcemap: false,
        entryPoints: [path.join(__dirname, '..', '..', 'lambdas', entry)],
        write: false,
        outdir: tmpdir(),
      });
      const code = outputFiles[0]?.text ?? '';
      for (const m of code.matchAll(/__esm\(\{\s*"node_modules\/((?:@aws-sdk|@smithy)\/[^"]+)"/g))
        wrapped.push(`${entry}: ${m[1]}`);
    }
    expect(wrapped).toEqual([]);
  });

  it('carry no event-stream support (the SDK imports it dynamically; no function streams events)', () => {
    const found = Object.entries(production)
      .filter(([, code]) => code.includes('EventStreamCodec') || code.includes('MessageDecoderStream'))
      .map(([name]) => name);
    expect(found).toEqual([]);
  });

  it('keep the fakes in mock-mode bundles', () => {
    const mock = bundles({ mockMode: 'true' });
    expect(mock.login?.includes('"InMemoryCognito"')).toBe(true);
  });
});
