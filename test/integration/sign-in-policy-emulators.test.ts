import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CognitoPool } from '../../lambdas/core/adapters/aws/cognito/cognito-client';
import { CognitoUserDirectory } from '../../lambdas/core/adapters/aws/cognito/cognito-user-directory';
import { DynamoDbUserStore } from '../../lambdas/core/adapters/aws/dynamodb-user-store';
import { bootstrapAdminOnAdapters } from '../../local/emulators/bootstrap-admin';
import { COGNITO_LOCAL_GAPS } from '../../local/emulators/gaps';
import { createLocalServer } from '../../local/server';
import { STRONG_PASSWORD } from '../support/harness';
import { emulators, uniqueEmail } from './emulators';

/**
 * docs/security.md, "Every sign-in path", on the real adapters (cognito-local
 * and DynamoDB Local) over HTTP: the cells the emulator can run. Its USER_AUTH
 * and CUSTOM_AUTH routes answer 501 (gaps userAuth, customAuth); the refresh of
 * a session begun before a revocation needs `auth_time` kept across refreshes
 * (gap refreshAuthTime).
 */
let server: Server;
let base: string;
const info = emulators();
const directory = new CognitoUserDirectory(new CognitoPool(info.userPoolId, info.clientId));
const users = new DynamoDbUserStore({ tableName: info.tables.users });

beforeAll(async () => {
  server = createLocalServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function http(method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${base}${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers read by shape in the assertions
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, any> };
}

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
