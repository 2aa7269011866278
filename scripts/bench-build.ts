import { readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { esbuildOptions } from '../lib/constructs/bundling';

/** What `npm run bench` builds: bundles as deployed, bare twins, the passwordless sample (scripts/bench.ts). */

const root = path.join(__dirname, '..');

export const CLIENTS = {
  CognitoIdentityProviderClient: '@aws-sdk/client-cognito-identity-provider',
  DynamoDBClient: '@aws-sdk/client-dynamodb',
  SecretsManagerClient: '@aws-sdk/client-secrets-manager',
  SESv2Client: '@aws-sdk/client-sesv2',
} as const;

/**
 * The passwordless triggers of `amazon-cognito-passwordless-auth` (a
 * devDependency, pinned), built as its CDK construct ships them: NodejsFunction
 * with ESM output and the runtime's `@aws-sdk/*` left external (resolved from
 * the package's own node_modules, as Lambda resolves them from the runtime's).
 */
export const SAMPLE_PACKAGE = path.join(root, 'node_modules', 'amazon-cognito-passwordless-auth');
export const SAMPLE_TRIGGERS = {
  defineAuthChallenge: 'define-auth-challenge.js',
  createAuthChallenge: 'create-auth-challenge.js',
  verifyAuthChallengeResponse: 'verify-auth-challenge-response.js',
} as const;

export function buildSample(file: string, outfile: string): void {
  buildSync({
    entryPoints: [path.join(SAMPLE_PACKAGE, 'dist', 'cdk', 'custom-auth', file)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: false,
    external: ['@aws-sdk/*'],
    logLevel: 'error',
  });
}
export type ClientName = keyof typeof CLIENTS;

/** `default-chain`: as deployed but with the SDK's whole default credential chain (the build before the trim). */
export function build(
  entryPoint: string,
  outfile: string,
  variant: 'deployed' | 'cjs-sdk' | 'default-chain',
): number {
  const options = esbuildOptions(false, { defaultChain: variant === 'default-chain' });
  buildSync({
    ...options,
    ...(variant === 'cjs-sdk' ? { mainFields: ['main', 'module'] } : {}),
    entryPoints: [entryPoint],
    outfile,
  });
  return statSync(outfile).size;
}

/** The SDK clients a bundle constructs, read off the bundle (class names are kept). */
export function clientsIn(file: string): ClientName[] {
  const code = readFileSync(file, 'utf8');
  return (Object.keys(CLIENTS) as ClientName[]).filter((name) => code.includes(`"${name}"`));
}

/** A handler that imports and constructs `clients` and does nothing else. */
export function bareTwin(
  clients: ClientName[],
  out: string,
  variant: 'deployed' | 'default-chain' = 'deployed',
): string {
  const key = `${clients.length > 0 ? clients.join('+') : 'empty'}${variant === 'deployed' ? '' : `.${variant}`}`;
  const source = path.join(out, `bare-${key}.ts`);
  writeFileSync(
    source,
    [
      ...clients.map((c) => `import { ${c} } from '${CLIENTS[c]}';`),
      ...clients.map((c) => `export const ${c.charAt(0).toLowerCase()}${c.slice(1)} = new ${c}({});`),
      'export const handler = async () => ({});',
    ].join('\n'),
  );
  const file = path.join(out, `bare-${key}.js`);
  build(source, file, variant);
  return file;
}
