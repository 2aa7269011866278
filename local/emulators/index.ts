import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Jwks } from 'aws-jwt-verify/jwk';
import type { LegacyUser } from '../../lambdas/core/ports/legacy-users';
import { SECRETS } from '../../lambdas/core/secrets';
import { TABLE_KEYS, TABLES } from '../../lambdas/core/tables';
import { startCognitoLocal } from './cognito-local';
import { startDynamoDbLocalIn } from './dynamodb-local';
import { emulatorSecrets, processGroup } from './group';
import { cognitoLocalTriggerConfig, startLambdaEndpoint } from './lambda-endpoint';
import { startMoto, startOnMoto } from './moto';
import { createLegacyUserTable, postgresInstalled, startPostgres } from './postgres';
import { freePort, requireJava, waitFor } from './processes';
import { synthesizedTemplate } from './template';
import { type CognitoEmulator, CREDENTIALS, type EmulatorInfo, type RunningEmulators } from './types';

export {
  cognitoResetCodes,
  cognitoSignUpCodes,
  cognitoTemporaryPassword,
  cognitoUsersAwaitingPassword,
  customMessagesOf,
  emulatorOutbox,
  lambdaInvocations,
} from './outbox';
export { type CognitoEmulator, EMULATOR_REGION, type EmulatorInfo, type RunningEmulators } from './types';

/**
 * Starts the real emulators the integration tests and `npm run start:emulators`
 * use, on free loopback ports: cognito-local (pool, app client and `admin`
 * group created from the stack's own synthesized template, its triggers
 * served from the trigger registry's production bundles on a loopback Lambda
 * Invoke endpoint) and Amazon DynamoDB Local (tables from the template).
 */
export async function startEmulators(
  options: {
    log?: (line: string) => void;
    /** The Cognito the API talks to: cognito-local (with its triggers) or moto's (no triggers, no email). */
    cognito?: CognitoEmulator;
    /** Also start moto beside cognito-local (the integration tests run the contract suites on both). */
    alsoMoto?: boolean;
  } = {},
): Promise<RunningEmulators> {
  const say = options.log ?? (() => undefined);
  if (options.cognito === 'moto') return startOnMoto(say);
  requireJava();
  const { workDir, watch, onStop, run } = processGroup();
  return run(async () => {
    const template = synthesizedTemplate();
    const [cognitoPort, lambdaPort] = [await freePort(), await freePort()];
    const moto = options.alsoMoto ? startMoto({ workDir, template, watch, say, mfaPool: true }) : undefined;
    moto?.catch(() => undefined); // awaited below
    const dynamo = startDynamoDbLocalIn({ workDir, template, watch, say });

    say(`serving the Cognito triggers (production bundles) on 127.0.0.1:${lambdaPort}`);
    const lambdaLog = path.join(workDir, 'lambda-invocations.jsonl');
    const secrets = emulatorSecrets();
    const legacy = await legacyDatabase(say);
    if (legacy?.stop) onStop(legacy.stop);
    const lambda = startLambdaEndpoint({
      port: lambdaPort,
      workDir,
      logFile: lambdaLog,
      environment: { ...secrets, ...(legacy ? { [SECRETS.legacyDatabase.valueEnv]: legacy.url } : {}) },
    });
    watch(lambda);
    const lambdaEndpoint = `http://127.0.0.1:${lambdaPort}`;
    await waitFor(() => fetch(`${lambdaEndpoint}/`), 'the Lambda endpoint', lambda);

    say(`starting cognito-local on 127.0.0.1:${cognitoPort}`);
    const cognitoLog = path.join(workDir, 'cognito-local.log');
    const cognito = await startCognitoLocal({
      port: cognitoPort,
      dir: path.join(workDir, 'cognito'),
      logFile: cognitoLog,
      template,
      extraConfig: cognitoLocalTriggerConfig(lambdaPort),
      onChild: watch,
    });
    // The app client's secret is the one cognito-local generated for the stack's confidential client.
    if (cognito.clientSecret) secrets[SECRETS.appClient.valueEnv] = cognito.clientSecret;
    const { endpoint: dynamodbEndpoint, tables } = await dynamo;

    say(`emulators ready (pool ${cognito.userPoolId})`);
    return {
      cognito: 'cognito-local',
      ...(moto ? { moto: await moto } : {}),
      cognitoEndpoint: cognito.endpoint,
      userPoolId: cognito.userPoolId,
      clientId: cognito.clientId,
      jwksUri: `${cognito.endpoint}/${cognito.userPoolId}/.well-known/jwks.json`,
      cognitoLog,
      cognitoDbDir: cognito.dbDir,
      dynamodbEndpoint,
      tables,
      lambdaEndpoint,
      lambdaLog,
      secrets,
      ...(legacy ? { legacyDatabaseUrl: legacy.url } : {}),
    };
  });
}

/** Environment that points the real adapters (MOCK_MODE=false) at the emulators. */
export function emulatorEnvironment(info: EmulatorInfo): Record<string, string> {
  return {
    MOCK_MODE: 'false',
    AWS_REGION: info.region,
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: info.cognitoEndpoint,
    AWS_ENDPOINT_URL_DYNAMODB: info.dynamodbEndpoint,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    COGNITO_USER_POOL_ID: info.userPoolId,
    COGNITO_CLIENT_ID: info.clientId,
    COGNITO_JWKS_URI: info.jwksUri,
    ...info.secrets,
    ...(info.legacyDatabaseUrl ? { [SECRETS.legacyDatabase.valueEnv]: info.legacyDatabaseUrl } : {}),
    ...Object.fromEntries(TABLE_KEYS.map((key) => [TABLES[key].envVar, info.tables[key]])),
  };
}

/**
 * The legacy database the UserMigration trigger reads: `LEGACY_DATABASE_URL`
 * if the shell set one; otherwise a PostgreSQL of Debian's package on a free
 * loopback port, its `User` table holding LEGACY_USERS_FILE (default
 * local/legacy-users.example.json); none when PostgreSQL is not installed.
 */
async function legacyDatabase(
  say: (line: string) => void,
): Promise<{ url: string; stop?: () => void } | undefined> {
  const given = process.env[SECRETS.legacyDatabase.valueEnv];
  if (given) return { url: given };
  if (!postgresInstalled()) {
    say('PostgreSQL is not installed: no legacy database (apt-get install postgresql)');
    return undefined;
  }
  const file = process.env.LEGACY_USERS_FILE || path.join(__dirname, '..', 'legacy-users.example.json');
  const users = JSON.parse(readFileSync(file, 'utf8')) as LegacyUser[];
  const server = await startPostgres();
  try {
    await createLegacyUserTable(server.url, users);
  } catch (error) {
    server.stop();
    throw error;
  }
  say(
    `legacy PostgreSQL on ${server.url} (${users.length} users from ${path.relative(process.cwd(), file)})`,
  );
  return server;
}

/** Fetches the pool's JWKS from cognito-local. */
export async function emulatorJwks(info: Pick<EmulatorInfo, 'jwksUri'>): Promise<Jwks> {
  const response = await fetch(info.jwksUri);
  if (!response.ok) throw new Error(`JWKS request answered ${response.status}`);
  return (await response.json()) as Jwks;
}
