import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { APIGatewayProxyResult } from 'aws-lambda';
import bcrypt from 'bcryptjs';
import { DynamoDbPasskeyIndex } from '../../lambdas/core/adapters/aws/dynamodb-passkey-index';
import { totpCode } from '../../lambdas/core/domain/totp';
import { hmacHex, stripeSignatureHeader } from '../../lambdas/core/http/webhook-signature';
import type { OperationDefinition } from '../../lambdas/core/operation-definition';
import { OPERATION_LIST, OPERATIONS, type OperationName } from '../../lambdas/operations';
import { TRIGGER_LIST } from '../../lambdas/triggers';
import { proxyEvent } from '../../local/api-gateway';
import { authorize } from '../../local/authorizer';
import {
  cognitoResetCodes,
  cognitoSignUpCodes,
  customMessagesOf,
  lambdaInvocations,
} from '../../local/emulators';
import { bootstrapAdminOnAdapters } from '../../local/emulators/bootstrap-admin';
import { COGNITO_LOCAL_GAPS } from '../../local/emulators/gaps';
import { buildProductionBundle } from '../../local/emulators/lambda-endpoint';
import { insertLegacyUser } from '../../local/emulators/postgres';
import { BILLING_SECRET, STRONG_PASSWORD, WEBHOOK_SECRET } from '../support/harness';
import { deliveredCode, emulators, uniqueEmail } from './emulators';

/**
 * Every production bundle (the stack's esbuild options, MOCK_MODE=false),
 * run once in a fresh Node process against the emulators, so a bundling
 * change cannot silently break the wire format. The triggers' bundles run
 * behind cognito-local on the emulators' Lambda endpoint.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'production-bundles-'));
const invoked = new Set<string>();

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Builds `name`'s bundle, runs it with a proxy event, and answers its status and JSON body. */
async function run(
  name: OperationName,
  request: {
    body?: string;
    query?: Record<string, string>;
    token?: string;
    pathParameters?: Record<string, string>;
    headers?: Record<string, string>;
  },
) {
  const operation: OperationDefinition = OPERATIONS[name];
  const bundle = buildProductionBundle(operation.entry, name, dir);
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...request.headers };
  if (request.token) headers.Authorization = `Bearer ${request.token}`;
  const claims = request.token ? await authorize(headers) : undefined;
  const event = proxyEvent(
    { method: operation.method, path: operation.path, headers, query: request.query, body: request.body },
    { operation, pathParameters: request.pathParameters ?? {} },
    claims,
  );
  const output = execFileSync(
    process.execPath,
    [path.join(__dirname, '..', 'support', 'run-bundle.js'), bundle],
    {
      input: JSON.stringify(event),
      env: { ...process.env, LOG_LEVEL: 'silent' },
    },
  );
  invoked.add(name);
  const result = JSON.parse(output.toString('utf8')) as APIGatewayProxyResult;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers read by shape in the assertions
  return { status: result.statusCode, body: (result.body ? JSON.parse(result.body) : undefined) as any };
}

describe('the production bundles on the emulators', () => {
  it('run the applicant flow: application, login, new password, profile, resend', async () => {
    const email = uniqueEmail('bundle');
    const application = JSON.stringify({ email });
    const created = await run('createCognitoUser', {
      body: application,
      query: { signature: hmacHex(WEBHOOK_SECRET, application) },
    });
    expect(created).toMatchObject({ status: 201, body: { created: true } });

    const login = await run('login', {
      body: JSON.stringify({ email, password: await deliveredCode(email) }),
    });
    expect(login.body.challenge.name).toBe('NEW_PASSWORD_REQUIRED');
    const tokens = await run('handleNewPasswordChallenge', {
      body: JSON.stringify({ email, session: login.body.challenge.session, newPassword: STRONG_PASSWORD }),
    });
    expect(tokens.status).toBe(200);
    const profile = await run('getProfile', { token: tokens.body.tokens.accessToken });
    expect(profile).toMatchObject({ status: 200, body: { email, status: 'pending_approval' } });

    // cognito-local answers RESEND only for unknown users (it creates them); real Cognito would refuse.
    const resend = await run('resendTemporaryPassword', {
      body: JSON.stringify({ email: uniqueEmail('resend') }),
    });
    expect(resend.status).toBe(202);

    // The CustomMessage bundle ran behind cognito-local for this applicant.
    expect(customMessagesOf(emulators()).filter((r) => r.email === email)).toEqual([
      expect.objectContaining({ triggerSource: 'CustomMessage_AdminCreateUser' }),
    ]);
  });

  it('run admin provisioning and the invite resend', async () => {
    const adminEmail = uniqueEmail('bundle-admin');
    await bootstrapAdminOnAdapters(adminEmail, STRONG_PASSWORD);
    const login = await run('login', {
      body: JSON.stringify({ email: adminEmail, password: STRONG_PASSWORD }),
    });
    const token = login.body.tokens.accessToken as string;

    const invitee = uniqueEmail('bundle-invitee');
    const created = await run('provisionNewAdmin', { body: JSON.stringify({ email: invitee }), token });
    expect(created).toMatchObject({ status: 201, body: { user: { email: invitee, role: 'admin' } } });
    const unknown = await run('resendAdminInvite', {
      body: JSON.stringify({ email: uniqueEmail('nobody') }),
      token,
    });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });

  it('run refresh, TOTP enrollment, the TOTP challenge and MFA off', async () => {
    const email = uniqueEmail('bundle-totp');
    await bootstrapAdminOnAdapters(email, STRONG_PASSWORD);
    const login = await run('login', { body: JSON.stringify({ email, password: STRONG_PASSWORD }) });
    const { accessToken, refreshToken } = login.body.tokens as { accessToken: string; refreshToken: string };

    const refreshed = await run('refreshTokens', { body: JSON.stringify({ refreshToken }) });
    expect(refreshed).toMatchObject({ status: 200, body: { tokens: { accessToken: expect.any(String) } } });

    const start = await run('startTotpEnrollment', { token: accessToken });
    expect(start.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const secret = start.body.secretCode as string;
    const verified = await run('verifyTotpEnrollment', {
      token: accessToken,
      body: JSON.stringify({ code: totpCode(secret, Date.now()) }),
    });
    expect(verified).toMatchObject({ status: 200, body: { mfa: { enabled: true, method: 'totp' } } });

    const mfaLogin = await run('login', { body: JSON.stringify({ email, password: STRONG_PASSWORD }) });
    expect(mfaLogin.body.challenge.name).toBe('SOFTWARE_TOKEN_MFA');
    const answered = await run('respondToChallenge', {
      body: JSON.stringify({
        email,
        session: mfaLogin.body.challenge.session,
        name: 'SOFTWARE_TOKEN_MFA',
        code: totpCode(secret, Date.now()),
      }),
    });
    expect(answered).toMatchObject({ status: 200, body: { tokens: { accessToken: expect.any(String) } } });

    expect((await run('disableMfa', { token: accessToken })).status).toBe(204);
  });

  it('run the password reset: forgot (202 for anyone), reset with the emailed code', async () => {
    const email = uniqueEmail('bundle-reset');
    await bootstrapAdminOnAdapters(email, STRONG_PASSWORD);

    expect((await run('requestPasswordReset', { body: JSON.stringify({ email }) })).status).toBe(202);
    // cognito-local answers UserNotFoundException here; the route still answers 202.
    expect(
      (await run('requestPasswordReset', { body: JSON.stringify({ email: uniqueEmail('nobody') }) })).status,
    ).toBe(202);
    const code = cognitoResetCodes(emulators()).find((u) => u.email === email)?.code;
    const reset = await run('resetPassword', {
      body: JSON.stringify({ email, code, newPassword: 'N3w!Passw0rd-2026' }),
    });
    expect(reset.status).toBe(200);
    const login = await run('login', { body: JSON.stringify({ email, password: 'N3w!Passw0rd-2026' }) });
    expect(login.body).toHaveProperty('tokens.accessToken');
  });

  it('run self sign-up: register (also for a taken email), confirm, resend', async () => {
    const email = uniqueEmail('bundle-signup');
    const fresh = await run('register', { body: JSON.stringify({ email, password: STRONG_PASSWORD }) });
    const taken = await run('register', { body: JSON.stringify({ email, password: STRONG_PASSWORD }) });
    expect(fresh.status).toBe(201);
    expect(taken).toEqual(fresh);

    // cognito-local has no ResendConfirmationCode: the route still answers its 202.
    expect((await run('resendRegistrationCode', { body: JSON.stringify({ email }) })).status).toBe(202);
    const code = cognitoSignUpCodes(emulators()).find((u) => u.email === email)?.code;
    const confirmed = await run('confirmRegistration', { body: JSON.stringify({ email, code }) });
    expect(confirmed).toMatchObject({ status: 200, body: { status: 'pending_approval' } });
    const login = await run('login', { body: JSON.stringify({ email, password: STRONG_PASSWORD }) });
    expect(login.body).toHaveProperty('tokens.accessToken');
  });

  it('run the admin user operations (list and page, get, approve, attributes, require MFA, enable, delete), pool status, probe and the billing webhook', async () => {
    const adminEmail = uniqueEmail('bundle-users-admin');
    await bootstrapAdminOnAdapters(adminEmail, STRONG_PASSWORD);
    const login = await run('login', {
      body: JSON.stringify({ email: adminEmail, password: STRONG_PASSWORD }),
    });
    const token = login.body.tokens.accessToken as string;
    const email = uniqueEmail('bundle-user');
    const application = JSON.stringify({ email });
    await run('createCognitoUser', {
      body: application,
      query: { signature: hmacHex(WEBHOOK_SECRET, application) },
    });

    const page = await run('listUsers', { token, query: { limit: '1' } });
    expect(page).toMatchObject({
      status: 200,
      body: { users: [expect.any(Object)], nextCursor: expect.any(String) },
    });
    const next = await run('listUsers', { token, query: { limit: '1', cursor: page.body.nextCursor } });
    expect(next.body.users[0].userId).not.toBe(page.body.users[0].userId);
    const found = await run('listUsers', { token, query: { email } });
    const userId = found.body.users[0].userId as string;
    const user = await run('getUser', { token, pathParameters: { userId } });
    expect(user).toMatchObject({
      status: 200,
      body: { email, cognitoStatus: 'FORCE_CHANGE_PASSWORD', enabled: true },
    });

    const action = (name: string) => run('userAction', { token, pathParameters: { userId, action: name } });
    expect((await action('approve')).status).toBe(409); // still pending_verification: the ladder refuses
    expect((await action('require-mfa')).body).toMatchObject({ mfa: { required: true } });
    const renamed = await run('updateUserAttributes', {
      token,
      pathParameters: { userId },
      body: JSON.stringify({ attributes: { name: 'Bundle User', 'custom:organizationId': 'org-1' } }),
    });
    expect(renamed).toMatchObject({ status: 200, body: { name: 'Bundle User', organizationId: 'org-1' } });
    expect((await action('enable')).status).toBe(409); // not suspended or disabled

    // The admin's passkey routes read and mark the API's own index (no emulator registers passkeys).
    const credentialId = `bundle-${Date.now()}`;
    await new DynamoDbPasskeyIndex({ tableName: emulators().tables.passkeys }).add({
      credentialId,
      userId,
      createdAt: new Date().toISOString(),
    });
    const passkeys = await run('listUserPasskeys', { token, pathParameters: { userId } });
    expect(passkeys).toMatchObject({ status: 200, body: { passkeys: [{ credentialId }] } });
    const removed = await run('removeUserPasskey', { token, pathParameters: { userId, credentialId } });
    expect(removed.status).toBe(204);

    const event = JSON.stringify({
      id: `evt_${userId}`,
      type: 'customer.subscription.created',
      data: { object: { metadata: { userId } } },
    });
    const billed = await run('billingWebhook', {
      body: event,
      headers: { 'Stripe-Signature': stripeSignatureHeader(BILLING_SECRET, event, new Date()) },
    });
    expect(billed).toMatchObject({ status: 200, body: { received: true } }); // not pending_subscription: logged, acked

    // A signed-in user (the admin here) picks a username: reserved in DynamoDB, custom:username in cognito-local.
    const userLogin = await run('login', {
      body: JSON.stringify({ email: adminEmail, password: STRONG_PASSWORD }),
    });
    const named = await run('chooseUsername', {
      token: userLogin.body.tokens.accessToken,
      body: JSON.stringify({ username: `u${Date.now().toString(36)}` }),
    });
    expect(named).toMatchObject({ status: 200, body: { username: expect.any(String) } });

    const status = await run('poolStatus', { token });
    expect(status).toMatchObject({
      status: 200,
      body: { pool: { signInAttributes: ['email'] }, sync: expect.any(Object) },
    });
    expect(status.body.recentUsers.map((u: { email: string }) => u.email)).toContain(email);
    expect(await run('probeConnection', { token })).toMatchObject({ status: 200, body: { ok: true } });

    // Three overlapping deletes (a double click and a retry) all end 204 (issue 20), and again after.
    const deletes = await Promise.all(
      [1, 2, 3].map(() => run('deleteUser', { token, pathParameters: { userId } })),
    );
    expect(deletes.map((d) => d.status)).toEqual([204, 204, 204]);
    expect((await run('deleteUser', { token, pathParameters: { userId } })).status).toBe(204);
    expect((await run('getUser', { token, pathParameters: { userId } })).status).toBe(404);
  });

  it('migrate a legacy user from the real PostgreSQL at login; /me shows legacyId; a wrong password migrates nothing', async () => {
    const email = uniqueEmail('legacy-bundle');
    const legacyId = randomUUID();
    await insertLegacyUser(process.env.LEGACY_DATABASE_URL as string, {
      id: legacyId,
      email,
      name: 'Legacy Bundle',
      passwordHash: await bcrypt.hash('Legacy!Passw0rd-2019', 10),
    });

    const wrong = await run('login', { body: JSON.stringify({ email, password: 'Wr0ng!Passw0rd-1' }) });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'NOT_AUTHORIZED' } } });
    const login = await run('login', { body: JSON.stringify({ email, password: 'Legacy!Passw0rd-2019' }) });
    expect(login.status).toBe(200);
    const me = await run('getProfile', { token: login.body.tokens.accessToken });
    expect(me).toMatchObject({ status: 200, body: { email, legacyId, status: 'active' } });
    const migrations = lambdaInvocations(emulators()).filter(
      (r) => r.function === 'userMigration' && r.userName === email,
    );
    expect(migrations.map((r) => r.ok)).toEqual([false, true]);
  });

  it('covered every operation, and every trigger ran from its bundle behind cognito-local', () => {
    // Operations cognito-local cannot serve; each is covered by an aws-sdk-client-mock adapter test.
    const notServedByCognitoLocal: Record<string, string> = {
      signOut: 'cognito-local has no GlobalSignOut',
      setUserPassword: 'cognito-local has no AdminUserGlobalSignOut (the route revokes after setting)',
      setUserMfa: 'cognito-local has no AdminSetUserMFAPreference',
      startPasswordless: 'cognito-local has no CUSTOM_AUTH',
      verifyPasswordless: 'cognito-local has no CUSTOM_AUTH',
      signIn: COGNITO_LOCAL_GAPS.userAuth,
      startPasskeyRegistration: COGNITO_LOCAL_GAPS.webAuthn,
      completePasskeyRegistration: COGNITO_LOCAL_GAPS.webAuthn,
      listPasskeys: COGNITO_LOCAL_GAPS.webAuthn,
      deletePasskey: COGNITO_LOCAL_GAPS.webAuthn,
    };
    expect([...invoked, ...Object.keys(notServedByCognitoLocal)].sort()).toEqual(
      OPERATION_LIST.map((op) => op.name).sort(),
    );
    const ran = new Set(
      lambdaInvocations(emulators())
        .filter((r) => r.ok)
        .map((r) => r.function),
    );
    // Triggers cognito-local never invokes get a named entry here (with the reason) instead.
    const notInvokedByCognitoLocal: Record<string, string> = {
      defineAuthChallenge: 'cognito-local has no CUSTOM_AUTH',
      createAuthChallenge: 'cognito-local has no CUSTOM_AUTH',
      verifyAuthChallengeResponse: 'cognito-local has no CUSTOM_AUTH',
    };
    const expected = TRIGGER_LIST.map((t) => t.name).filter((name) => !(name in notInvokedByCognitoLocal));
    expect(expected.filter((name) => !ran.has(name))).toEqual([]);
  });
});
