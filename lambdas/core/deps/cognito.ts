import { randomBytes } from 'node:crypto';
import { CognitoAccountAdmin } from '../adapters/aws/cognito/cognito-account-admin';
import { CognitoPool } from '../adapters/aws/cognito/cognito-client';
import { CognitoPasskeys } from '../adapters/aws/cognito/cognito-passkeys';
import { CognitoPoolInspector } from '../adapters/aws/cognito/cognito-pool-inspector';
import { CognitoSelfService } from '../adapters/aws/cognito/cognito-self-service';
import { CognitoSignIn } from '../adapters/aws/cognito/cognito-sign-in';
import { CognitoUserDirectory } from '../adapters/aws/cognito/cognito-user-directory';
import { SECRETS } from '../secrets';
import { awsSecretSource } from './platform';
import { cached, keyedSessionSeal, required } from './support';

/**
 * The composition root's cognito adapters, built once per container (deps.ts
 * chooses between them and the fakes); each `cached(...)` is marked pure, so an
 * unused one and its SDK client are tree-shaken.
 */

/** The user pool the Cognito adapters share (one client, errors mapped once). */
/** The app client's secret (every unauthenticated Cognito call's SECRET_HASH), where one is configured. */
const appClientSecret = async (): Promise<string | undefined> =>
  process.env[SECRETS.appClient.arnEnv] || process.env[SECRETS.appClient.valueEnv]
    ? awsSecretSource().get('appClient')
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

/**
 * The key of the sign-in sessions the API seals, from the app client's secret (a confidential
 * client always has one deployed); without one (an emulator's client), a key of this process.
 */
export const cognitoSessionSeal = /* @__PURE__ */ cached(() =>
  keyedSessionSeal(async () => (await appClientSecret()) ?? randomBytes(32).toString('hex')),
);

export const cognitoDirectory = /* @__PURE__ */ cached(() => new CognitoUserDirectory(cognitoPool()));

export const cognitoSignIn = /* @__PURE__ */ cached(
  () => new CognitoSignIn(cognitoPool(), { refreshRotation: process.env.REFRESH_TOKEN_ROTATION === 'true' }),
);

export const cognitoSelfService = /* @__PURE__ */ cached(() => new CognitoSelfService(cognitoPool()));

export const cognitoAccountAdmin = /* @__PURE__ */ cached(() => new CognitoAccountAdmin(cognitoPool()));

export const cognitoInspector = /* @__PURE__ */ cached(() => new CognitoPoolInspector(cognitoPool()));

export const cognitoPasskeys = /* @__PURE__ */ cached(() => new CognitoPasskeys(cognitoPool()));
