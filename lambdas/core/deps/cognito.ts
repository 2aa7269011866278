import { CognitoAccountAdmin } from '../adapters/aws/cognito/cognito-account-admin';
import { CognitoPool } from '../adapters/aws/cognito/cognito-client';
import { CognitoPoolInspector } from '../adapters/aws/cognito/cognito-pool-inspector';
import { CognitoSelfService } from '../adapters/aws/cognito/cognito-self-service';
import { CognitoSignIn } from '../adapters/aws/cognito/cognito-sign-in';
import { CognitoUserDirectory } from '../adapters/aws/cognito/cognito-user-directory';
import { memoryWorld } from '../adapters/memory/world';
import type { AccountAdmin } from '../ports/account-admin';
import type { PoolInspector } from '../ports/pool-inspector';
import type { SelfService } from '../ports/self-service';
import type { SignIn } from '../ports/sign-in';
import type { UserDirectory } from '../ports/user-directory';
import { SECRETS } from '../secrets';
import { secretSource } from './platform';
import { cached, required } from './support';

/**
 * The composition root, Cognito's ports. Every factory spells out
 * `process.env.MOCK_MODE === 'true'` (esbuild's `define` folds it and drops the
 * fakes from deployed bundles; a helper would not be inlined), and every
 * module-level `cached(...)` is marked pure, so an unused factory and its SDK
 * client are tree-shaken. Only `core/deps/` reads MOCK_MODE (a test checks it).
 */

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
