import { CognitoIdentityProvider } from '../../lambdas/core/adapters/aws/cognito-identity-provider';
import { InMemoryIdentityProvider } from '../../lambdas/core/adapters/memory/in-memory-identity-provider';
import { sharedJwtSigner } from '../../lambdas/core/adapters/memory/jwt-signer';
import { Outbox } from '../../lambdas/core/adapters/memory/outbox';
import { MOCK_POOL } from '../../lambdas/core/adapters/memory/world';
import { emulatorJwks } from '../../local/emulators';
import { deliveredCode, emulators } from '../integration/emulators';
import { identityProviderContract } from './identity-provider.contract';

const outbox = new Outbox();
const fake = new InMemoryIdentityProvider({ ...MOCK_POOL, signer: sharedJwtSigner(), outbox });

identityProviderContract({
  name: 'InMemoryIdentityProvider',
  provider: () => fake,
  async temporaryPasswordOf(email, previous) {
    const secret = outbox.latest(email, 'TEMPORARY_PASSWORD')?.secret;
    if (!secret || secret === previous) throw new Error(`no new temporary password for ${email}`);
    return secret;
  },
  jwks: async () => fake.jwks,
  userPoolId: MOCK_POOL.userPoolId,
  clientId: MOCK_POOL.clientId,
  gaps: {},
});

const info = emulators();
const cognito = new CognitoIdentityProvider({ userPoolId: info.userPoolId, clientId: info.clientId });

// Where cognito-local deviates from real Cognito (found by these very tests);
// each skipped call is covered by an aws-sdk-client-mock adapter test instead.
identityProviderContract({
  name: 'CognitoIdentityProvider on cognito-local',
  provider: () => cognito,
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
});
