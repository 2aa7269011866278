import { randomBytes } from 'node:crypto';
import { AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { CognitoAccountAdmin } from '../../lambdas/core/adapters/aws/cognito/cognito-account-admin';
import { CognitoPool } from '../../lambdas/core/adapters/aws/cognito/cognito-client';
import { CognitoPoolInspector } from '../../lambdas/core/adapters/aws/cognito/cognito-pool-inspector';
import { CognitoSelfService } from '../../lambdas/core/adapters/aws/cognito/cognito-self-service';
import { CognitoSignIn } from '../../lambdas/core/adapters/aws/cognito/cognito-sign-in';
import { CognitoUserDirectory } from '../../lambdas/core/adapters/aws/cognito/cognito-user-directory';
import { InMemoryCognito } from '../../lambdas/core/adapters/memory/cognito';
import { sharedJwtSigner } from '../../lambdas/core/adapters/memory/jwt-signer';
import { Outbox } from '../../lambdas/core/adapters/memory/outbox';
import { MOCK_POOL } from '../../lambdas/core/adapters/memory/world';
import { cognitoResetCodes, cognitoSignUpCodes, emulatorJwks } from '../../local/emulators';
import { emulatorCognitoClient } from '../../local/emulators/cognito-client';
import { COGNITO_LOCAL_GAPS, MOTO_GAPS } from '../../local/emulators/gaps';
import { registryTriggers } from '../../local/triggers';
import { deliveredCode, emulators } from '../integration/emulators';
import { recordFidelityCalls } from '../support/fidelity-calls';
import type { CognitoBackend } from './cognito-backend';
import { migrationContract } from './migration.contract';
import { poolInspectorContract } from './pool-inspector.contract';
import { selfServiceContract } from './self-service.contract';
import { sessionContract } from './session.contract';
import { signInContract } from './sign-in.contract';
import { userDirectoryContract } from './user-directory.contract';

const outbox = new Outbox();
const fakeWith = (mfa: 'OPTIONAL' | 'REQUIRED') =>
  new InMemoryCognito({ ...MOCK_POOL, signer: sharedJwtSigner(), outbox, triggers: registryTriggers(), mfa });
const fake = fakeWith('OPTIONAL');

function latestSecret(email: string, kind: 'VERIFICATION_CODE' | 'RESET_CODE'): string {
  const secret = outbox
    .list(email)
    .filter((m) => m.kind === kind)
    .at(-1)?.secret;
  if (!secret) throw new Error(`no ${kind} for ${email}`);
  return secret;
}

const onFakeWith = (pool: InMemoryCognito): CognitoBackend => ({
  name: 'the in-memory Cognito',
  directory: () => pool.directory,
  signIn: () => pool.signIn,
  selfService: () => pool.selfService,
  accountAdmin: () => pool.accountAdmin,
  poolInspector: () => pool.inspector,
  signUpCodeOf: async (email) => latestSecret(email, 'VERIFICATION_CODE'),
  resetCodeOf: async (email) => latestSecret(email, 'RESET_CODE'),
  async temporaryPasswordOf(email, previous) {
    const message = outbox
      .list(email)
      .filter((m) => m.kind === 'TEMPORARY_PASSWORD')
      .at(-1);
    if (!message?.secret || message.secret === previous)
      throw new Error(`no new temporary password for ${email}`);
    return message.secret;
  },
  jwks: async () => pool.jwks,
  userPoolId: MOCK_POOL.userPoolId,
  clientId: MOCK_POOL.clientId,
  gaps: {},
});
const onFake: CognitoBackend = { ...onFakeWith(fake), requiringMfa: onFakeWith(fakeWith('REQUIRED')) };

const info = emulators();
// The stack's app client is confidential: the adapters send a SECRET_HASH made with cognito-local's secret.
const pool = new CognitoPool(
  info.userPoolId,
  info.clientId,
  undefined,
  async () => info.secrets.COGNITO_CLIENT_SECRET,
);

// Where cognito-local deviates from real Cognito (found by these very tests);
// each skipped call is covered by an aws-sdk-client-mock adapter test instead.
const onEmulator: CognitoBackend = {
  name: 'the Cognito adapters on cognito-local',
  directory: () => new CognitoUserDirectory(pool),
  signIn: () => new CognitoSignIn(pool),
  selfService: () => new CognitoSelfService(pool),
  accountAdmin: () => new CognitoAccountAdmin(pool),
  poolInspector: () => new CognitoPoolInspector(pool),
  signUpCodeOf: async (email) => codeFrom(cognitoSignUpCodes(info), email),
  resetCodeOf: async (email) => codeFrom(cognitoResetCodes(info), email),
  temporaryPasswordOf: (email, previous) => deliveredCode(email, previous),
  jwks: () => emulatorJwks(info),
  userPoolId: info.userPoolId,
  clientId: info.clientId,
  gaps: COGNITO_LOCAL_GAPS,
};

// moto's Cognito: no email, no triggers. What the tests read from an email elsewhere is made
// here as an operator would (a temporary password set with AdminSetUserPassword), or is a code moto
// accepts without checking it (its `checksCodes` gap): the checks that need the real thing skip.
const moto =
  info.moto ??
  (() => {
    throw new Error('the integration setup started no moto');
  })();
const motoClient = emulatorCognitoClient(moto.endpoint);
const onMotoWith = (ids: { userPoolId: string; clientId: string; clientSecret?: string }): CognitoBackend => {
  const pool = new CognitoPool(ids.userPoolId, ids.clientId, motoClient, async () => ids.clientSecret);
  return {
    name: 'the Cognito adapters on moto',
    directory: () => new CognitoUserDirectory(pool),
    signIn: () => new CognitoSignIn(pool),
    selfService: () => new CognitoSelfService(pool),
    accountAdmin: () => new CognitoAccountAdmin(pool),
    poolInspector: () => new CognitoPoolInspector(pool),
    signUpCodeOf: async () => '123456',
    resetCodeOf: async () => '123456',
    async temporaryPasswordOf(email) {
      const password = `Tmp!${randomBytes(6).toString('hex')}A1`;
      await motoClient.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: ids.userPoolId,
          Username: email.toLowerCase(),
          Password: password,
          Permanent: false,
        }),
      );
      return password;
    },
    jwks: async () => (await (await fetch(moto.jwksUri)).json()) as Jwks,
    userPoolId: ids.userPoolId,
    clientId: ids.clientId,
    gaps: MOTO_GAPS,
  };
};
const onMoto: CognitoBackend = {
  ...onMotoWith(moto),
  ...(moto.requiringMfa ? { requiringMfa: onMotoWith(moto.requiringMfa) } : {}),
};

recordFidelityCalls((client) => (client === motoClient ? 'moto' : 'cognito-local'));

for (const backend of [onFake, onEmulator, onMoto]) {
  userDirectoryContract(backend);
  signInContract(backend);
  selfServiceContract(backend);
  migrationContract(backend);
  poolInspectorContract(backend);
  sessionContract(backend);
}

function codeFrom(codes: Array<{ email: string; code: string }>, email: string): string {
  const code = codes.find((c) => c.email === email.toLowerCase())?.code;
  if (!code) throw new Error(`cognito-local holds no code for ${email}`);
  return code;
}
