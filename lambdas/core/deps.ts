import { CognitoAccountAdmin } from './adapters/aws/cognito/cognito-account-admin';
import { CognitoPool } from './adapters/aws/cognito/cognito-client';
import { CognitoPoolInspector } from './adapters/aws/cognito/cognito-pool-inspector';
import { CognitoSelfService } from './adapters/aws/cognito/cognito-self-service';
import { CognitoSignIn } from './adapters/aws/cognito/cognito-sign-in';
import { CognitoUserDirectory } from './adapters/aws/cognito/cognito-user-directory';
import { DynamoDbAdminStore } from './adapters/aws/dynamodb-admin-store';
import { DynamoDbIdempotencyStore } from './adapters/aws/dynamodb-idempotency-store';
import { DynamoDbRateLimiter } from './adapters/aws/dynamodb-rate-limiter';
import { DynamoDbReconciliationLog } from './adapters/aws/dynamodb-reconciliation-log';
import { DynamoDbUserStore } from './adapters/aws/dynamodb-user-store';
import { DynamoDbUsernameRegistry } from './adapters/aws/dynamodb-username-registry';
import { SecretsManagerSecretSource } from './adapters/aws/secrets-manager-secret-source';
import { SesMailer } from './adapters/aws/ses-mailer';
import { EnvSecretSource } from './adapters/memory/env-secret-source';
import { OutboxMailer } from './adapters/memory/outbox-mailer';
import { memoryWorld } from './adapters/memory/world';
import { type AccessTokenVerifier, cognitoAccessTokenVerifier } from './auth/access-token-verifier';
import { ConfigurationError } from './domain/errors';
import type { AccountAdmin } from './ports/account-admin';
import type { AdminStore } from './ports/admin-store';
import { type Clock, systemClock } from './ports/clock';
import type { IdempotencyStore } from './ports/idempotency-store';
import type { Mailer } from './ports/mailer';
import type { PoolInspector } from './ports/pool-inspector';
import type { RateLimiter } from './ports/rate-limiter';
import type { ReconciliationLog } from './ports/reconciliation-log';
import type { SecretName, SecretSource } from './ports/secret-source';
import type { SelfService } from './ports/self-service';
import type { SignIn } from './ports/sign-in';
import type { UserDirectory } from './ports/user-directory';
import type { UserStore } from './ports/user-store';
import type { UsernameRegistry } from './ports/username-registry';
import { realSleep } from './retry';
import { SECRETS } from './secrets';
import { TABLES } from './tables';
import type { ProvisioningPorts } from './workflows/admin-provisioning';
import type { AdminUserPorts } from './workflows/admin-users';
import type { DeletionPorts } from './workflows/delete-user';

/**
 * The composition root: the ONLY reader of MOCK_MODE. One lazy factory per
 * port, cached at module scope, so each bundle contains (and each cold start
 * constructs) only the adapters its handler uses.
 *
 * Bundle size rests on two details: every factory spells out
 * `process.env.MOCK_MODE === 'true'` (esbuild's `define` turns it into a
 * constant and drops the dead branch with the fakes; a helper function would
 * not be inlined), and every module-level `cached(...)` is marked pure, so an
 * unused factory and its SDK client are tree-shaken.
 */

/** Whether this process runs on the in-memory fakes (for the local server's health answer). */
export function runsOnFakes(): boolean {
  return process.env.MOCK_MODE === 'true';
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new ConfigurationError(`${name} is not set.`);
  return value;
}

function cached<T>(create: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= create();
    return value;
  };
}

/** The user pool the Cognito adapters share (one client, errors mapped once). */
/** The app client's secret (every unauthenticated Cognito call's SECRET_HASH), where one is configured. */
const appClientSecret = async (): Promise<string | undefined> =>
  process.env[SECRETS.appClient.arnEnv] || process.env[SECRETS.appClient.valueEnv]
    ? secretSource().get('appClient')
    : undefined;
const cognitoPool = /* @__PURE__ */ cached(
  () =>
    new CognitoPool(
      required('COGNITO_USER_POOL_ID'),
      required('COGNITO_CLIENT_ID'),
      undefined,
      appClientSecret,
    ),
);

/** Cognito's Admin* APIs (or the fake's). In mock mode the fake lives as long as the mock world. */
export const userDirectory = (): UserDirectory =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().cognito.directory : cognitoDirectory();
const cognitoDirectory = /* @__PURE__ */ cached(() => new CognitoUserDirectory(cognitoPool()));

/** Cognito's public sign-in APIs (or the fake's). */
export const signIn = (): SignIn =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().cognito.signIn : cognitoSignIn();
const cognitoSignIn = /* @__PURE__ */ cached(
  () => new CognitoSignIn(cognitoPool(), { refreshRotation: process.env.REFRESH_TOKEN_ROTATION === 'true' }),
);

/** Cognito's token-authorized self-service APIs: sign-out, TOTP enrolment (or the fake's). */
export const selfService = (): SelfService =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().cognito.selfService : cognitoSelfService();
const cognitoSelfService = /* @__PURE__ */ cached(() => new CognitoSelfService(cognitoPool()));

/** Cognito's Admin* APIs on someone else's account: passwords, attributes, MFA, sign-out (or the fake's). */
export const accountAdmin = (): AccountAdmin =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().cognito.accountAdmin : cognitoAccountAdmin();
const cognitoAccountAdmin = /* @__PURE__ */ cached(() => new CognitoAccountAdmin(cognitoPool()));

/** Read-only views of the pool: DescribeUserPool, DescribeUserPoolClient, ListUsers (or the fake's). */
export const poolInspector = (): PoolInspector =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().cognito.inspector : cognitoInspector();
const cognitoInspector = /* @__PURE__ */ cached(() => new CognitoPoolInspector(cognitoPool()));

/**
 * Which configuration variables this function has: names and whether each is
 * set, never a value (the admin page's configuration status).
 */
export function configurationStatus(): Array<{ name: string; set: boolean }> {
  const names = [
    'MOCK_MODE',
    'AWS_REGION',
    'COGNITO_USER_POOL_ID',
    'COGNITO_CLIENT_ID',
    ...Object.values(TABLES).map((t) => t.envVar),
    ...Object.values(SECRETS).map((s) => s.arnEnv),
  ];
  return names.map((name) => ({ name, set: Boolean(process.env[name]) }));
}

/**
 * The product's own email (the passwordless sign-in code): SES from
 * `SES_FROM_ADDRESS` (the stack's `sesFromAddress`), the local outbox in mock mode.
 */
export const mailer = (): Mailer => (process.env.MOCK_MODE === 'true' ? outboxMailer() : sesMailer());
/** Whether the product's own email can be sent: always in mock mode (the outbox), else with SES_FROM_ADDRESS. */
export const emailSenderConfigured = (): boolean =>
  process.env.MOCK_MODE === 'true' || Boolean(process.env.SES_FROM_ADDRESS);
const outboxMailer = () => new OutboxMailer(memoryWorld().outbox, memoryWorld().clock);
const sesMailer = /* @__PURE__ */ cached(() => new SesMailer(required('SES_FROM_ADDRESS')));

/** Usernames, unique and set once: the `Usernames` table with the `Users` record, in one transaction. */
export const usernameRegistry = (): UsernameRegistry =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().usernames : dynamoUsernames();
const dynamoUsernames = /* @__PURE__ */ cached(
  () =>
    new DynamoDbUsernameRegistry({
      usernamesTableName: required(TABLES.usernames.envVar),
      usersTableName: required(TABLES.users.envVar),
    }),
);

/** The `Users` table. */
export const userStore = (): UserStore =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().users : dynamoUsers();
const dynamoUsers = /* @__PURE__ */ cached(
  () => new DynamoDbUserStore({ tableName: required(TABLES.users.envVar) }),
);

/** The admin's `Users` + `AdminInfo` records, written in one transaction. */
export const adminStore = (): AdminStore =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().admins : dynamoAdmins();
const dynamoAdmins = /* @__PURE__ */ cached(
  () =>
    new DynamoDbAdminStore({
      usersTableName: required(TABLES.users.envVar),
      adminInfoTableName: required(TABLES.adminInfo.envVar),
    }),
);

/** Durable records of compensations that failed. */
export const reconciliationLog = (): ReconciliationLog =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().reconciliations : dynamoReconciliations();
const dynamoReconciliations = /* @__PURE__ */ cached(
  () => new DynamoDbReconciliationLog({ tableName: required(TABLES.reconciliations.envVar) }),
);

/** Per-key throttling (resends, code attempts). */
export const rateLimiter = (): RateLimiter =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().rateLimiter : dynamoRateLimiter();
const dynamoRateLimiter = /* @__PURE__ */ cached(
  () => new DynamoDbRateLimiter({ tableName: required(TABLES.rateLimits.envVar) }),
);

/** Idempotency-Key records (each key bound to the request it was first sent with). */
export const idempotencyStore = (): IdempotencyStore =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().idempotency : dynamoIdempotency();
const dynamoIdempotency = /* @__PURE__ */ cached(
  () => new DynamoDbIdempotencyStore({ tableName: required(TABLES.idempotency.envVar) }),
);

/**
 * Shared secrets (core/secrets.ts). Wherever a secret ARN is set — every deployed
 * function, mock mode included (F17: a deployed mock stack must not accept
 * the public local default) — Secrets Manager. Local runs without ARNs:
 * environment variables, and in mock mode the local defaults.
 */
export const secretSource = (): SecretSource =>
  SECRET_NAMES.some((name) => process.env[SECRETS[name].arnEnv])
    ? managedSecrets()
    : process.env.MOCK_MODE === 'true'
      ? mockSecrets()
      : envSecrets();
const SECRET_NAMES = Object.keys(SECRETS) as SecretName[];
const managedSecrets = /* @__PURE__ */ cached(
  () =>
    new SecretsManagerSecretSource(
      Object.fromEntries(SECRET_NAMES.map((name) => [name, process.env[SECRETS[name].arnEnv]])),
    ),
);
const mockSecrets = /* @__PURE__ */ cached(
  () =>
    new EnvSecretSource(
      process.env,
      Object.fromEntries(SECRET_NAMES.map((name) => [name, SECRETS[name].mockDefault])),
    ),
);
const envSecrets = /* @__PURE__ */ cached(() => new EnvSecretSource(process.env));

/** The current time (the mock world's clock, so tests can move it). */
export const clock = (): Clock => (process.env.MOCK_MODE === 'true' ? memoryWorld().clock : systemClock);

/**
 * Verifies access tokens as the API's Cognito authorizer does: signature,
 * issuer, client, expiry, scope — and no revocation, which the authorizer
 * does not see either; revocation is the caller gate's job, in the function
 * (core/http/caller-gate.ts), so local runs prove the deployed path. In mock
 * mode the JWKS of the fake is preloaded (`cacheJwks`): no network, and an
 * unknown `kid` is refused at once.
 */
export const accessTokenVerifier = (): AccessTokenVerifier =>
  process.env.MOCK_MODE === 'true' ? mockVerifier() : awsVerifier();
// The fake owns one key per process, so a verifier survives a world reset.
const mockVerifier = /* @__PURE__ */ cached(() =>
  cognitoAccessTokenVerifier({
    userPoolId: memoryWorld().cognito.userPoolId,
    clientId: memoryWorld().cognito.clientId,
    jwks: memoryWorld().cognito.jwks,
    offline: true,
  }),
);
const awsVerifier = /* @__PURE__ */ cached(() =>
  cognitoAccessTokenVerifier({
    userPoolId: required('COGNITO_USER_POOL_ID'),
    clientId: required('COGNITO_CLIENT_ID'),
    // Only set for local emulators; deployed, the JWKS comes from Cognito itself.
    ...(process.env.COGNITO_JWKS_URI ? { jwksUri: process.env.COGNITO_JWKS_URI } : {}),
  }),
);

/**
 * The ports admin provisioning runs on (the handler and `npm run bootstrap-admin`
 * share them); `remainingMs` bounds the saga to the invocation's time.
 */
export function provisioningPorts(remainingMs?: () => number): ProvisioningPorts {
  return {
    ...(remainingMs ? { remainingMs } : {}),
    directory: userDirectory(),
    admins: adminStore(),
    users: userStore(),
    // Resolved on first use: only a request with an Idempotency-Key needs the table
    // (npm run bootstrap-admin runs without IDEMPOTENCY_TABLE_NAME).
    idempotency: {
      claim: (...args) => idempotencyStore().claim(...args),
      release: (key) => idempotencyStore().release(key),
    },
    reconciliations: reconciliationLog(),
    clock: clock(),
    sleep: realSleep,
  };
}

/** The ports of the admin user operations. */
export function adminUserPorts(): AdminUserPorts {
  return { users: userStore(), directory: userDirectory(), accounts: accountAdmin(), clock: clock() };
}

/** The ports of the deletion saga; `remainingMs` bounds it to the invocation's time. */
export function deletionPorts(remainingMs?: () => number): DeletionPorts {
  return {
    ...(remainingMs ? { remainingMs } : {}),
    directory: userDirectory(),
    admins: adminStore(),
    users: userStore(),
    usernames: usernameRegistry(),
    reconciliations: reconciliationLog(),
    clock: clock(),
    sleep: realSleep,
  };
}
