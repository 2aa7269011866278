import { CognitoPool } from '../../lambdas/core/adapters/aws/cognito/cognito-client';
import { CognitoSignIn } from '../../lambdas/core/adapters/aws/cognito/cognito-sign-in';
import { CognitoUserDirectory } from '../../lambdas/core/adapters/aws/cognito/cognito-user-directory';
import { InMemoryCognito } from '../../lambdas/core/adapters/memory/cognito';
import { sharedJwtSigner } from '../../lambdas/core/adapters/memory/jwt-signer';
import { Outbox } from '../../lambdas/core/adapters/memory/outbox';
import { MOCK_POOL } from '../../lambdas/core/adapters/memory/world';
import { emulatorJwks } from '../../local/emulators';
import { registryTriggers } from '../../local/triggers';
import { deliveredCode, emulators } from '../integration/emulators';
import type { CognitoBackend } from './cognito-backend';
import { signInContract } from './sign-in.contract';
import { userDirectoryContract } from './user-directory.contract';

const outbox = new Outbox();
const fake = new InMemoryCognito({
  ...MOCK_POOL,
  signer: sharedJwtSigner(),
  outbox,
  triggers: registryTriggers(),
});

const onFake: CognitoBackend = {
  name: 'the in-memory Cognito',
  directory: () => fake.directory,
  signIn: () => fake.signIn,
  async temporaryPasswordOf(email, previous) {
    const message = outbox
      .list(email)
      .filter((m) => m.kind === 'TEMPORARY_PASSWORD')
      .at(-1);
    if (!message?.secret || message.secret === previous)
      throw new Error(`no new temporary password for ${email}`);
    return message.secret;
  },
  jwks: async () => fake.jwks,
  userPoolId: MOCK_POOL.userPoolId,
  clientId: MOCK_POOL.clientId,
  gaps: {},
};

const info = emulators();
const pool = new CognitoPool(info.userPoolId, info.clientId);

// Where cognito-local deviates from real Cognito (found by these very tests);
// each skipped call is covered by an aws-sdk-client-mock adapter test instead.
const onEmulator: CognitoBackend = {
  name: 'the Cognito adapters on cognito-local',
  directory: () => new CognitoUserDirectory(pool),
  signIn: () => new CognitoSignIn(pool),
  temporaryPasswordOf: (email, previous) => deliveredCode(email, previous),
  jwks: () => emulatorJwks(info),
  userPoolId: info.userPoolId,
  clientId: info.clientId,
  gaps: {
    checksTemporaryPassword: 'cognito-local accepts any password for a FORCE_CHANGE_PASSWORD user',
    enforcesPasswordPolicy: 'cognito-local does not apply the pool password policy to NEW_PASSWORD_REQUIRED',
    resend: 'cognito-local does not implement AdminCreateUser MessageAction=RESEND',
    validatesChallengeSession: 'cognito-local ignores the Session of RespondToAuthChallenge',
  },
};

for (const backend of [onFake, onEmulator]) {
  userDirectoryContract(backend);
  signInContract(backend);
}
