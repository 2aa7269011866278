import { SecretsManagerSecretSource } from '../adapters/aws/secrets-manager-secret-source';
import { SesMailer } from '../adapters/aws/ses-mailer';
import { EnvSecretSource } from '../adapters/memory/env-secret-source';
import { OutboxMailer } from '../adapters/memory/outbox-mailer';
import { memoryWorld } from '../adapters/memory/world';
import { type AccessTokenVerifier, cognitoAccessTokenVerifier } from '../auth/access-token-verifier';
import { type Clock, systemClock } from '../ports/clock';
import type { Mailer } from '../ports/mailer';
import type { SecretName, SecretSource } from '../ports/secret-source';
import { SECRETS } from '../secrets';
import { TABLES } from '../tables';
import { cached, required } from './support';

/**
 * The composition root, platform ports: secrets, clock, token verifier, the
 * product's own email. Every factory spells out
 * `process.env.MOCK_MODE === 'true'` (esbuild's `define` folds it and drops the
 * fakes from deployed bundles; a helper would not be inlined), and every
 * module-level `cached(...)` is marked pure, so an unused factory and its SDK
 * client are tree-shaken. Only `core/deps/` reads MOCK_MODE (a test checks it).
 */

/** Whether this process runs on the in-memory fakes (for the local server's health answer). */
export function runsOnFakes(): boolean {
  return process.env.MOCK_MODE === 'true';
}

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
