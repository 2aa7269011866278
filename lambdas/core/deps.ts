import { memoryWorld } from './adapters/memory/world';
import type { AccessTokenVerifier } from './auth/access-token-verifier';
import {
  cognitoAccountAdmin,
  cognitoDirectory,
  cognitoInspector,
  cognitoPasskeys,
  cognitoSelfService,
  cognitoSessionSeal,
  cognitoSignIn,
} from './deps/cognito';
import {
  anySecretArn,
  awsSecretSource,
  awsVerifier,
  mockSecrets,
  mockSessionSeal,
  mockVerifier,
  outboxMailer,
  sesMailer,
} from './deps/platform';
import {
  dynamoAdmins,
  dynamoIdempotency,
  dynamoPasskeys,
  dynamoRateLimiter,
  dynamoReconciliations,
  dynamoUsernames,
  dynamoUsers,
} from './deps/tables';
import { adminGate, type CallerGate, userGate } from './http/caller-gate';
import { cachedSessionCheck, type SessionCheck } from './http/session-check';
import type { AccountAdmin } from './ports/account-admin';
import type { AdminStore } from './ports/admin-store';
import { type Clock, systemClock } from './ports/clock';
import type { IdempotencyStore } from './ports/idempotency-store';
import type { Mailer } from './ports/mailer';
import type { PasskeyIndex } from './ports/passkey-index';
import type { Passkeys } from './ports/passkeys';
import type { PoolInspector } from './ports/pool-inspector';
import type { RateLimiter } from './ports/rate-limiter';
import type { ReconciliationLog } from './ports/reconciliation-log';
import type { SecretSource } from './ports/secret-source';
import type { SelfService } from './ports/self-service';
import type { SessionSeal } from './ports/session-seal';
import type { SignIn } from './ports/sign-in';
import type { UserDirectory } from './ports/user-directory';
import type { UserStore } from './ports/user-store';
import type { UsernameRegistry } from './ports/username-registry';
import { realSleep } from './retry';
import { SECRETS } from './secrets';
import { TABLES } from './tables';
import type { DeletionPorts } from './workflows/admin-users/delete-user';
import type { ProvisioningPorts } from './workflows/admins/provision-new-admin';
import type { AdminUserPorts } from './workflows/common/admin-request';

/**
 * The composition root, and the ONLY reader of MOCK_MODE: one factory per port
 * choosing the in-memory fake or the AWS adapter, which `core/deps/` builds
 * (per family: cognito, tables, platform). Every factory spells out
 * `process.env.MOCK_MODE === 'true'`: esbuild's `define` folds it, so deployed
 * bundles drop the fakes (a helper would not be inlined), and the adapters'
 * `cached(...)` are pure, so an unused one and its SDK client are tree-shaken.
 */

/** Whether this process runs on the in-memory fakes (for the local server's health answer). */
export function runsOnFakes(): boolean {
  return process.env.MOCK_MODE === 'true';
}

/** Cognito's Admin* APIs (or the fake's). In mock mode the fake lives as long as the mock world. */
export const userDirectory = (): UserDirectory =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().cognito.directory : cognitoDirectory();

/** Cognito's public sign-in APIs (or the fake's). */
export const signIn = (): SignIn =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().cognito.signIn : cognitoSignIn();

/** Cognito's token-authorized self-service APIs: sign-out, TOTP enrollment (or the fake's). */
export const selfService = (): SelfService =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().cognito.selfService : cognitoSelfService();

/** The API's own index of passkeys (the `Passkeys` table; Cognito has no admin API for them). */
export const passkeyIndex = (): PasskeyIndex =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().passkeyIndex : dynamoPasskeys();

/** The caller's passkeys: Cognito's WebAuthn APIs with their access token (or the fake's). */
export const passkeys = (): Passkeys =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().cognito.passkeys : cognitoPasskeys();

/** Cognito's Admin* APIs on someone else's account: passwords, attributes, MFA, sign-out (or the fake's). */
export const accountAdmin = (): AccountAdmin =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().cognito.accountAdmin : cognitoAccountAdmin();

/** Read-only views of the pool: DescribeUserPool, DescribeUserPoolClient, ListUsers (or the fake's). */
export const poolInspector = (): PoolInspector =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().cognito.inspector : cognitoInspector();

/** Usernames, unique and set once: the `Usernames` table with the `Users` record, in one transaction. */
export const usernameRegistry = (): UsernameRegistry =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().usernames : dynamoUsernames();

/** The `Users` table. */
export const userStore = (): UserStore =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().users : dynamoUsers();

/** Seals USER_AUTH's and passwordless sessions (the fake's: its client secret, so the world file's sessions open in any process). */
export const sessionSeal = (): SessionSeal =>
  process.env.MOCK_MODE === 'true' ? mockSessionSeal() : cognitoSessionSeal();

/** The admin's `Users` + `AdminInfo` records, written in one transaction. */
export const adminStore = (): AdminStore =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().admins : dynamoAdmins();

/** Durable records of compensations that failed. */
export const reconciliationLog = (): ReconciliationLog =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().reconciliations : dynamoReconciliations();

/** Per-key throttling (resends, code attempts). */
export const rateLimiter = (): RateLimiter =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().rateLimiter : dynamoRateLimiter();

/** Idempotency-Key records (each key bound to the request it was first sent with). */
export const idempotencyStore = (): IdempotencyStore =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().idempotency : dynamoIdempotency();

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

/**
 * Shared secrets (core/secrets.ts). Wherever a secret ARN is set — every deployed
 * function, mock mode included (a deployed mock stack must not accept the
 * public local default) — Secrets Manager. Local runs without ARNs:
 * environment variables, and in mock mode the local defaults.
 */
export const secretSource = (): SecretSource =>
  process.env.MOCK_MODE === 'true' && !anySecretArn() ? mockSecrets() : awsSecretSource();

/** The current time (the mock world's clock, so tests can move it). */
export const clock = (): Clock => (process.env.MOCK_MODE === 'true' ? memoryWorld().clock : systemClock);

/**
 * Verifies access tokens as the API's Cognito authorizer does (signature,
 * issuer, client, expiry, scope); revocation is the caller gate's job. In mock
 * mode the fake's JWKS is preloaded: no network, an unknown `kid` refused at once.
 */
export const accessTokenVerifier = (): AccessTokenVerifier =>
  process.env.MOCK_MODE === 'true' ? mockVerifier() : awsVerifier();

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

/**
 * Cognito's verdict on access tokens (GetUser), reused per token for 60 s in
 * this container; the ports are resolved per call, so mock mode's world and
 * clock are the current ones.
 */
let sessions: SessionCheck | undefined;
const sessionCheck = (): SessionCheck => {
  sessions ??= cachedSessionCheck(
    (token) => selfService().getUser(token),
    () => clock()(),
  );
  return sessions;
};

/**
 * The revocation check of `user` routes: the caller's Users record and
 * Cognito's verdict on the token. Its ports are resolved per request
 * (handlers build their options at load time).
 */
export const userCallerGate = (): CallerGate => ({
  level: 'user',
  admit: (caller, claims, token) => userGate(userStore(), sessionCheck()).admit(caller, claims, token),
});

/** The revocation check of `admin` routes: the user checks, the Cognito account and its group. */
export const adminCallerGate = (): CallerGate => ({
  level: 'admin',
  admit: (caller, claims, token) =>
    adminGate(userStore(), sessionCheck(), userDirectory()).admit(caller, claims, token),
});
