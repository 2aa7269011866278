import { CognitoPool } from '../../lambdas/core/adapters/aws/cognito/cognito-client';
import { CognitoUserDirectory } from '../../lambdas/core/adapters/aws/cognito/cognito-user-directory';
import { DynamoDbUserStore } from '../../lambdas/core/adapters/aws/dynamodb-user-store';
import { bootstrapAdminOnAdapters } from '../../local/emulators/bootstrap-admin';
import { COGNITO_LOCAL_GAPS } from '../../local/emulators/gaps';
import { STRONG_PASSWORD } from '../support/harness';
import { emulators, uniqueEmail } from './emulators';
import { localApiOnEmulators } from './local-api';

/**
 * docs/security.md, "Every sign-in path", on the real adapters (cognito-local
 * and DynamoDB Local) over HTTP: the cells the emulator can run. Its USER_AUTH
 * and CUSTOM_AUTH routes answer 501 (gaps userAuth, customAuth); the refresh of
 * a session begun before a revocation needs `auth_time` kept across refreshes
 * (gap refreshAuthTime).
 */
const info = emulators();
const directory = new CognitoUserDirectory(new CognitoPool(info.userPoolId, info.clientId));
const users = new DynamoDbUserStore({ tableName: info.tables.users });
const http = localApiOnEmulators();

async function signedIn() {
  const email = uniqueEmail('policy');
  await bootstrapAdminOnAdapters(email, STRONG_PASSWORD);
  const login = await http('POST', '/auth/login', { email, password: STRONG_PASSWORD });
  const userId = (await directory.getUser(email))?.sub as string;
  return { email, userId, tokens: login.body.tokens as { accessToken: string; refreshToken: string } };
}

describe('every sign-in path on the emulators', () => {
  it("refuses a suspended account's refresh and its password sign-in at the API, whatever Cognito says", async () => {
    const { email, userId, tokens } = await signedIn();
    // The record says suspended while Cognito still has the user enabled (an operator re-enabled
    // it in the console, or the admin action's Cognito call failed): the API's rule holds.
    await users.transition(userId, 'active', 'suspended', { previousStatus: 'active' });

    const refreshed = await http('POST', '/auth/refresh', { refreshToken: tokens.refreshToken });
    const login = await http('POST', '/auth/login', { email, password: STRONG_PASSWORD });

    expect(refreshed).toMatchObject({ status: 401, body: { error: { code: 'NOT_AUTHORIZED' } } });
    expect(login).toMatchObject({ status: 401, body: { error: { code: 'NOT_AUTHORIZED' } } });
  });

  (COGNITO_LOCAL_GAPS.refreshAuthTime ? it.skip : it)(
    `refuses the refresh of a session begun before the API's revocation [skipped on cognito-local: ${COGNITO_LOCAL_GAPS.refreshAuthTime}]`,
    async () => {
      const { userId, tokens } = await signedIn();
      await new Promise((r) => setTimeout(r, 1_100));
      await users.revokeTokens(userId, new Date());
      expect((await http('POST', '/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
    },
  );

  it('answers a made-up MFA_SETUP session with 401, not a 500 (cognito-local: InvalidParameterException)', async () => {
    const { email } = await signedIn();
    const answer = await http('POST', '/auth/challenge', {
      email,
      session: 'x'.repeat(64),
      name: 'MFA_SETUP',
      code: '123456',
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });

  it('answers a ==-padded bearer token with 401, not a 500', async () => {
    const { tokens } = await signedIn();
    const answer = await http('GET', '/me', undefined, `${tokens.accessToken}==`);
    expect(answer).toMatchObject({ status: 401 });
  });
});
