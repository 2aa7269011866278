import { CognitoPool } from '../../lambdas/core/adapters/aws/cognito/cognito-client';
import { CognitoUserDirectory } from '../../lambdas/core/adapters/aws/cognito/cognito-user-directory';
import { DynamoDbUserStore } from '../../lambdas/core/adapters/aws/dynamodb-user-store';
import { bootstrapAdminOnAdapters } from '../../local/emulators/bootstrap-admin';
import { STRONG_PASSWORD } from '../support/harness';
import { emulators, uniqueEmail } from './emulators';
import { localApiOnEmulators } from './local-api';

/**
 * The review's scenario on the real adapters (cognito-local + DynamoDB Local),
 * over HTTP: an admin removed from the group, disabled, deleted, or signed out
 * keeps a valid-looking token, and POST /admins must refuse it each time.
 */
const info = emulators();
const directory = new CognitoUserDirectory(new CognitoPool(info.userPoolId, info.clientId));
const users = new DynamoDbUserStore({ tableName: info.tables.users });
const http = localApiOnEmulators();
const post = (path: string, body: unknown, token?: string) => http('POST', path, body, token);

async function freshAdmin() {
  const email = uniqueEmail('revoked-admin');
  await bootstrapAdminOnAdapters(email, STRONG_PASSWORD);
  const login = await post('/auth/login', { email, password: STRONG_PASSWORD });
  const token = login.body.tokens.accessToken as string;
  const account = await directory.getUser(email);
  expect((await post('/admins', { email: uniqueEmail('ok') }, token)).status).toBe(201);
  return { token, username: account?.username as string };
}

describe('revocation on the emulators', () => {
  it('refuses an admin removed from the admin group', async () => {
    const { token, username } = await freshAdmin();
    await directory.removeUserFromGroup(username, 'admin');
    expect((await post('/admins', { email: uniqueEmail('x') }, token)).status).toBe(403);
  });

  it('refuses an admin disabled in Cognito', async () => {
    const { token, username } = await freshAdmin();
    await directory.setEnabled(username, false);
    expect((await post('/admins', { email: uniqueEmail('x') }, token)).status).toBe(401);
  });

  it('refuses an admin deleted from Cognito', async () => {
    const { token, username } = await freshAdmin();
    await directory.deleteUser(username);
    expect((await post('/admins', { email: uniqueEmail('x') }, token)).status).toBe(401);
  });

  it('refuses a token issued before a global sign-out, on user and admin routes', async () => {
    const { token, username } = await freshAdmin();
    await new Promise((r) => setTimeout(r, 1100)); // iat has whole seconds
    await users.revokeTokens(username, new Date());

    expect((await http('GET', '/me', undefined, token)).status).toBe(401);
    expect((await post('/admins', { email: uniqueEmail('x') }, token)).status).toBe(401);
  });
});
