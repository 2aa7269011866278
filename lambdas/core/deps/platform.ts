import { SecretsManagerSecretSource } from '../adapters/aws/secrets-manager-secret-source';
import { SesMailer } from '../adapters/aws/ses-mailer';
import { EnvSecretSource } from '../adapters/memory/env-secret-source';
import { OutboxMailer } from '../adapters/memory/outbox-mailer';
import { memoryWorld } from '../adapters/memory/world';
import { cognitoAccessTokenVerifier } from '../auth/access-token-verifier';
import type { SecretName, SecretSource } from '../ports/secret-source';
import { SECRETS } from '../secrets';
import { cached, keyedSessionSeal, required } from './support';

/**
 * The composition root's platform adapters (secrets, the product's email, the
 * token verifier), built once per container; deps.ts chooses between them.
 */

export const outboxMailer = () => new OutboxMailer(memoryWorld().outbox, memoryWorld().clock);
export const sesMailer = /* @__PURE__ */ cached(() => new SesMailer(required('SES_FROM_ADDRESS')));

export const SECRET_NAMES = Object.keys(SECRETS) as SecretName[];
export const managedSecrets = /* @__PURE__ */ cached(
  () =>
    new SecretsManagerSecretSource(
      Object.fromEntries(SECRET_NAMES.map((name) => [name, process.env[SECRETS[name].arnEnv]])),
    ),
);
export const mockSecrets = /* @__PURE__ */ cached(
  () =>
    new EnvSecretSource(
      process.env,
      Object.fromEntries(SECRET_NAMES.map((name) => [name, SECRETS[name].mockDefault])),
    ),
);
export const envSecrets = /* @__PURE__ */ cached(() => new EnvSecretSource(process.env));

// The fake owns one key per process, so a verifier survives a world reset.
export const mockVerifier = /* @__PURE__ */ cached(() =>
  cognitoAccessTokenVerifier({
    userPoolId: memoryWorld().cognito.userPoolId,
    clientId: memoryWorld().cognito.clientId,
    jwks: memoryWorld().cognito.jwks,
    offline: true,
  }),
);
export const awsVerifier = /* @__PURE__ */ cached(() =>
  cognitoAccessTokenVerifier({
    userPoolId: required('COGNITO_USER_POOL_ID'),
    clientId: required('COGNITO_CLIENT_ID'),
    // Only set for local emulators; deployed, the JWKS comes from Cognito itself.
    ...(process.env.COGNITO_JWKS_URI ? { jwksUri: process.env.COGNITO_JWKS_URI } : {}),
  }),
);

/** Outside mock mode: Secrets Manager wherever a secret ARN is set, else the environment. */
export const anySecretArn = (): boolean =>
  SECRET_NAMES.some((name) => Boolean(process.env[SECRETS[name].arnEnv]));
export const awsSecretSource = (): SecretSource => (anySecretArn() ? managedSecrets() : envSecrets());

/** The mock pool's session seal: its client secret's key, so the world file's sessions open in any process. */
export const mockSessionSeal = /* @__PURE__ */ cached(() =>
  keyedSessionSeal(async () => memoryWorld().cognito.clientSecret),
);
