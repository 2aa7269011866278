import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDbPasskeyIndex } from '../../lambdas/core/adapters/aws/dynamodb-passkey-index';
import { totpCode } from '../../lambdas/core/domain/totp';
import { hmacHex, stripeSignatureHeader } from '../../lambdas/core/http/webhook-signature';
import { OPERATION_LIST } from '../../lambdas/operations';
import { cognitoResetCodes, cognitoSignUpCodes, emulatorOutbox } from '../../local/emulators';
import { bootstrapAdminOnAdapters } from '../../local/emulators/bootstrap-admin';
import type { CognitoLocalGap } from '../../local/emulators/gaps';
import { createLocalServer } from '../../local/server';
import { type RoundTripRow, roundTripSections } from '../../scripts/round-trips-doc';
import { callSteps, recordAwsCalls, sequentialDepth } from '../support/aws-calls';
import { BILLING_SECRET, STRONG_PASSWORD, WEBHOOK_SECRET } from '../support/harness';
import { expectDocumented, routeOf } from '../support/openapi-responses';
import { emulators, uniqueEmail } from './emulators';

/**
 * Every route walked once over HTTP on the real adapters (cognito-local and
 * DynamoDB Local), counting the AWS calls each makes in a warm container: the
 * round-trip table of docs/benchmarks.md and the Cognito quota table of
 * docs/operations.md are written from these counts (`npm run docs:round-trips`)
 * and this test fails when they differ. A route cognito-local cannot serve is
 * a row that names the gap, never a count.
 */

let server: Server;
let base: string;
const rows: RoundTripRow[] = [];
// biome-ignore lint/suspicious/noExplicitAny: JSON answers read by shape
type Json = any;

beforeAll(async () => {
  server = createLocalServer({
    outbox: (to) => emulatorOutbox(emulators(), to),
    emulatorGaps: 'cognito-local',
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

async function http(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const answer = text ? JSON.parse(text) : undefined;
  // The walk is also the document's proof on the real adapters: every answer as docs/openapi.json says.
  expectDocumented(routeOf(method, path), response.status, answer);
  return { status: response.status, body: answer as Json };
}

/** Sends one request, records its AWS calls as the route's row, and checks the status. */
async function measure(
  route: string,
  expected: number,
  send: () => Promise<{ status: number; body: Json }>,
  variant = '',
) {
  const { result, calls } = await recordAwsCalls(send);
  expect({ route, variant, status: result.status, body: result.body }).toMatchObject({ status: expected });
  rows.push({
    route,
    variant,
    calls: calls.length,
    depth: sequentialDepth(calls),
    steps: callSteps(calls),
    operations: calls.map(({ service, operation }) => ({ service, operation })),
  });
  const row = OPERATION_LIST.find((op) => `${op.method} ${op.path}` === route);
  // Every Cognito call that needs IAM is one the registry grants (the stack's policy is made from it).
  for (const call of calls.filter(
    (c) => c.service === 'Cognito' && /^(Admin|Describe|List)/.test(c.operation),
  ))
    expect({ route, granted: row?.permissions.cognito ?? [] }).toEqual({
      route,
      granted: expect.arrayContaining([`cognito-idp:${call.operation}`]),
    });
  return result.body;
}

/** A route cognito-local cannot serve: its row names the gap, and (when sent) it answers the named 501. */
async function gap(
  route: string,
  why: CognitoLocalGap,
  variant = '',
  send?: () => Promise<{ status: number; body: Json }>,
) {
  rows.push({ route, variant, gap: why });
  if (!send) return;
  expect({ route, variant, answer: await send() }).toMatchObject({
    answer: { status: 501, body: { error: { code: 'NOT_SUPPORTED_BY_EMULATOR' } } },
  });
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function login(email: string, password: string): Promise<string> {
  const answer = await http('POST', '/auth/login', { email, password });
  return answer.body.tokens.accessToken;
}

describe('AWS calls per route, counted on the real adapters', () => {
  it('walks every route on the emulators and finds docs/benchmarks.md and docs/operations.md up to date', async () => {
    const adminEmail = uniqueEmail('rt-admin');
    await bootstrapAdminOnAdapters(adminEmail, STRONG_PASSWORD);
    const admin = await login(adminEmail, STRONG_PASSWORD);
    // A first call of each kind warms the container's caches (secrets, JWKS) before counting.
    await http('GET', '/me', undefined, bearer(admin));

    // Applicant: application, first sign-in, new password.
    const email = uniqueEmail('rt-applicant');
    const application = JSON.stringify({ email });
    const created = await measure('POST /applications', 201, () =>
      http('POST', `/applications?signature=${hmacHex(WEBHOOK_SECRET, application)}`, application),
    );
    const userId = created.user.userId as string;
    const temporary = (await (await fetch(`${base}/_local/outbox?to=${encodeURIComponent(email)}`)).json())
      .messages[0].secret as string;
    const challenge = await measure(
      'POST /auth/login',
      200,
      () => http('POST', '/auth/login', { email, password: temporary }),
      'NEW_PASSWORD_REQUIRED',
    );
    await measure('POST /auth/new-password', 200, () =>
      http('POST', '/auth/new-password', {
        email,
        session: challenge.challenge.session,
        newPassword: STRONG_PASSWORD,
      }),
    );
    await gap('POST /auth/temporary-password/resend', 'resend', '', async () => {
      const waiting = uniqueEmail('rt-waiting');
      const body = JSON.stringify({ email: waiting });
      await http('POST', `/applications?signature=${hmacHex(WEBHOOK_SECRET, body)}`, body);
      return http('POST', '/auth/temporary-password/resend', { email: waiting });
    });
    const tokens = await measure(
      'POST /auth/login',
      200,
      () => http('POST', '/auth/login', { email, password: STRONG_PASSWORD }),
      'tokens',
    );
    const user = tokens.tokens.accessToken as string;
    await measure('POST /auth/refresh', 200, () =>
      http('POST', '/auth/refresh', { refreshToken: tokens.tokens.refreshToken }),
    );
    await measure('GET /me', 200, () => http('GET', '/me', undefined, bearer(user)));
    await measure('PUT /me/username', 200, () =>
      http('PUT', '/me/username', { username: `rt${Date.now().toString(36)}` }, bearer(user)),
    );

    // Admin reads and the ladder up to TOTP.
    await measure(
      'GET /admin/users',
      200,
      () => http('GET', '/admin/users?limit=20', undefined, bearer(admin)),
      'all',
    );
    await measure(
      'GET /admin/users',
      200,
      () => http('GET', '/admin/users?status=pending_approval&limit=20', undefined, bearer(admin)),
      'status',
    );
    await measure(
      'GET /admin/users',
      200,
      () => http('GET', `/admin/users?email=${encodeURIComponent(email)}`, undefined, bearer(admin)),
      'email',
    );
    await measure('GET /admin/users/{userId}', 200, () =>
      http('GET', `/admin/users/${userId}`, undefined, bearer(admin)),
    );
    // No emulator registers passkeys (gap webAuthn): the index holds one as the API would have.
    const credentialId = `rt-${Date.now()}`;
    await new DynamoDbPasskeyIndex({ tableName: emulators().tables.passkeys }).add({
      credentialId,
      userId,
      createdAt: new Date().toISOString(),
    });
    await measure('GET /admin/users/{userId}/passkeys', 200, () =>
      http('GET', `/admin/users/${userId}/passkeys`, undefined, bearer(admin)),
    );
    await measure('DELETE /admin/users/{userId}/passkeys/{credentialId}', 204, () =>
      http('DELETE', `/admin/users/${userId}/passkeys/${credentialId}`, undefined, bearer(admin)),
    );
    await measure(
      'POST /admin/users/{userId}/{action}',
      200,
      () => http('POST', `/admin/users/${userId}/approve`, undefined, bearer(admin)),
      'approve',
    );
    const totp = await measure('POST /me/mfa/totp', 200, () =>
      http('POST', '/me/mfa/totp', undefined, bearer(user)),
    );
    await measure('POST /me/mfa/totp/verify', 200, () =>
      http('POST', '/me/mfa/totp/verify', { code: totpCode(totp.secretCode, Date.now()) }, bearer(user)),
    );
    const mfa = await http('POST', '/auth/login', { email, password: STRONG_PASSWORD });
    await measure('POST /auth/challenge', 200, () =>
      http('POST', '/auth/challenge', {
        email,
        session: mfa.body.challenge.session,
        name: 'SOFTWARE_TOKEN_MFA',
        code: totpCode(totp.secretCode, Date.now() + 30_000),
      }),
    );
    const event = JSON.stringify({
      id: `evt_${Date.now()}`,
      type: 'customer.subscription.created',
      data: { object: { metadata: { userId } } },
    });
    await measure('POST /webhooks/billing', 200, () =>
      http('POST', '/webhooks/billing', event, {
        'Stripe-Signature': stripeSignatureHeader(BILLING_SECRET, event, new Date()),
      }),
    );
    await measure('DELETE /me/mfa', 204, () => http('DELETE', '/me/mfa', undefined, bearer(user)));
    await gap('POST /auth/sign-out', 'globalSignOut', '', () =>
      http('POST', '/auth/sign-out', undefined, bearer(user)),
    );

    // Self sign-up and password reset.
    const applicant = uniqueEmail('rt-signup');
    await measure('POST /auth/register', 201, () =>
      http('POST', '/auth/register', { email: applicant, password: STRONG_PASSWORD }),
    );
    await gap('POST /auth/register/resend', 'resendConfirmationCode', '', () =>
      http('POST', '/auth/register/resend', { email: applicant }),
    );
    const signUpCode = cognitoSignUpCodes(emulators()).find((c) => c.email === applicant)?.code;
    await measure('POST /auth/register/confirm', 200, () =>
      http('POST', '/auth/register/confirm', { email: applicant, code: signUpCode }),
    );
    await measure('POST /auth/password/forgot', 202, () => http('POST', '/auth/password/forgot', { email }));
    const resetCode = cognitoResetCodes(emulators())
      .filter((c) => c.email === email)
      .at(-1)?.code;
    await measure('POST /auth/password/reset', 200, () =>
      http('POST', '/auth/password/reset', { email, code: resetCode, newPassword: `${STRONG_PASSWORD}2` }),
    );
    await gap('POST /auth/passwordless/start', 'customAuth', '', () =>
      http('POST', '/auth/passwordless/start', { email }),
    );
    await gap('POST /auth/passwordless/verify', 'customAuth', '', () =>
      http('POST', '/auth/passwordless/verify', { email, session: 'x'.repeat(40), code: '123456' }),
    );
    await gap('POST /auth/sign-in', 'userAuth', '', () => http('POST', '/auth/sign-in', { email }));
    const credential = { id: 'abc', type: 'public-key', response: {} };
    for (const [route, method, path, body] of [
      ['POST /me/passkeys/options', 'POST', '/me/passkeys/options', undefined],
      ['POST /me/passkeys', 'POST', '/me/passkeys', { credential }],
      ['GET /me/passkeys', 'GET', '/me/passkeys', undefined],
      ['DELETE /me/passkeys/{credentialId}', 'DELETE', '/me/passkeys/abc', undefined],
    ] as const)
      await gap(route, 'webAuthn', '', () => http(method, path, body, bearer(admin)));

    // Admin writes.
    await measure('POST /admins', 201, () =>
      http('POST', '/admins', { email: uniqueEmail('rt-new-admin') }, bearer(admin)),
    );
    const invitee = uniqueEmail('rt-invitee');
    await http('POST', '/admins', { email: invitee }, bearer(admin));
    await gap('POST /admins/resend-invite', 'resend', '', () =>
      http('POST', '/admins/resend-invite', { email: invitee }, bearer(admin)),
    );
    const rejected = (
      await http('GET', `/admin/users?email=${encodeURIComponent(applicant)}`, undefined, bearer(admin))
    ).body.users[0].userId as string;
    await measure(
      'POST /admin/users/{userId}/{action}',
      200,
      () => http('POST', `/admin/users/${rejected}/reject`, undefined, bearer(admin)),
      'reject',
    );
    // Without TOTP, require-mfa is the record's flag only (AdminSetUserMFAPreference is for a user with TOTP).
    await measure(
      'POST /admin/users/{userId}/{action}',
      200,
      () => http('POST', `/admin/users/${userId}/require-mfa`, undefined, bearer(admin)),
      'require-mfa',
    );
    for (const action of ['suspend', 'disable', 'reset-password', 'sign-out'])
      await gap('POST /admin/users/{userId}/{action}', 'adminAccountCalls', action, () =>
        http('POST', `/admin/users/${userId}/${action}`, undefined, bearer(admin)),
      );
    // Enabling needs a disabled user first, and disabling needs AdminUserGlobalSignOut.
    await gap('POST /admin/users/{userId}/{action}', 'adminAccountCalls', 'enable');
    await gap('PUT /admin/users/{userId}/password', 'adminAccountCalls', '', () =>
      http(
        'PUT',
        `/admin/users/${userId}/password`,
        { password: STRONG_PASSWORD, permanent: true },
        bearer(admin),
      ),
    );
    await measure('PATCH /admin/users/{userId}/attributes', 200, () =>
      http(
        'PATCH',
        `/admin/users/${userId}/attributes`,
        { attributes: { name: 'Round Trip' } },
        bearer(admin),
      ),
    );
    await gap('PUT /admin/users/{userId}/mfa', 'adminAccountCalls', '', () =>
      http('PUT', `/admin/users/${userId}/mfa`, { totp: false, sms: false }, bearer(admin)),
    );
    await measure('GET /admin/cognito', 200, () => http('GET', '/admin/cognito', undefined, bearer(admin)));
    await measure('POST /admin/cognito/test', 200, () =>
      http('POST', '/admin/cognito/test', undefined, bearer(admin)),
    );
    await measure('DELETE /admin/users/{userId}', 204, () =>
      http('DELETE', `/admin/users/${rejected}`, undefined, bearer(admin)),
    );

    const order = OPERATION_LIST.map((op) => `${op.method} ${op.path}`);
    expect(order.filter((route) => !rows.some((row) => row.route === route))).toEqual([]);
    rows.sort((a, b) => order.indexOf(a.route) - order.indexOf(b.route));
    // Stale? `npm run docs:round-trips` rewrites both.
    for (const { file, expected, actual } of roundTripSections(rows))
      expect({ file, section: actual }).toEqual({ file, section: expected });
  });
});
