import { totpCode } from '../../../lambdas/core/domain/totp';
import {
  type AdminUserView,
  activatedApplicant,
  adminToken,
  call,
  freshWorld,
  STRONG_PASSWORD,
} from '../../support/harness';

type User = AdminUserView;
type Tokens = { accessToken: string; refreshToken: string };

describe('userAction (POST /admin/users/{userId}/{action})', () => {
  let world: ReturnType<typeof freshWorld>;
  let admin: string;
  let adminId: string;
  beforeEach(async () => {
    world = freshWorld();
    admin = await adminToken(world);
    adminId = (await world.users.findByEmail('root-admin@example.com'))?.userId as string;
  });

  const idOf = async (email: string) => (await world.users.findByEmail(email))?.userId as string;
  const act = (userId: string, action: string, token = admin) =>
    call<User>('userAction', { token, pathParameters: { userId, action } });

  it('approves an applicant through the ladder, and refuses a move it does not allow', async () => {
    await activatedApplicant(world, 'jane@example.com');
    const id = await idOf('jane@example.com');
    expect((await act(id, 'approve')).body).toMatchObject({ status: 'pending_mfa' });
    expect(await act(id, 'approve')).toMatchObject({
      status: 409,
      body: { error: { code: 'INVALID_TRANSITION' } },
    });
    expect(await act(id, 'dance')).toMatchObject({
      status: 400,
      body: { error: { code: 'VALIDATION_ERROR' } },
    });
  });

  it('disables a user: their held token stops at once; enable restores the status before', async () => {
    const tokens = (await activatedApplicant(world, 'jane@example.com')) as Tokens;
    const id = await idOf('jane@example.com');
    world.advance(1000);
    const disabled = await act(id, 'disable');
    expect(disabled.body).toMatchObject({ status: 'disabled', enabled: false });
    expect((await call('getProfile', { token: tokens.accessToken })).status).toBe(401);
    expect((await call('refreshTokens', { body: { refreshToken: tokens.refreshToken } })).status).toBe(401);
    expect(
      (await call('login', { body: { email: 'jane@example.com', password: STRONG_PASSWORD } })).status,
    ).toBe(401);

    const enabled = await act(id, 'enable');
    expect(enabled.body).toMatchObject({ status: 'pending_approval', enabled: true });
    world.advance(2000);
    const login = await call<{ tokens: Tokens }>('login', {
      body: { email: 'jane@example.com', password: STRONG_PASSWORD },
    });
    expect((await call('getProfile', { token: login.body.tokens.accessToken })).status).toBe(200);
  });

  it('refuses to suspend, disable or delete oneself with 409 CANNOT_TARGET_SELF', async () => {
    for (const action of ['suspend', 'disable'])
      expect(await act(adminId, action)).toMatchObject({
        status: 409,
        body: { error: { code: 'CANNOT_TARGET_SELF' } },
      });
    expect(await call('deleteUser', { token: admin, pathParameters: { userId: adminId } })).toMatchObject({
      status: 409,
    });
  });

  it('reset-password: Cognito mails a code, the old password and the held token stop working', async () => {
    const tokens = (await activatedApplicant(world, 'jane@example.com')) as Tokens;
    world.advance(1000);
    await act(await idOf('jane@example.com'), 'reset-password');
    expect((await call('getProfile', { token: tokens.accessToken })).status).toBe(401);
    const login = await call('login', { body: { email: 'jane@example.com', password: STRONG_PASSWORD } });
    expect(login).toMatchObject({ status: 401, body: { error: { code: 'PASSWORD_RESET_REQUIRED' } } });
    const code = world.outbox
      .list('jane@example.com')
      .filter((m) => m.kind === 'RESET_CODE')
      .at(-1)?.secret;
    const reset = await call('resetPassword', {
      body: { email: 'jane@example.com', code, newPassword: 'N3w!Passw0rd-2026' },
    });
    expect(reset.status).toBe(200);
  });

  it('require-mfa: a user without TOTP is held at enrollment until they enroll, then may not disable it', async () => {
    const tokens = (await activatedApplicant(world, 'jane@example.com')) as Tokens;
    const id = await idOf('jane@example.com');
    expect((await act(id, 'require-mfa')).body).toMatchObject({ mfa: { enabled: false, required: true } });
    const held = await call('disableMfa', { token: tokens.accessToken });
    expect(held).toMatchObject({ status: 403, body: { error: { code: 'MFA_ENROLLMENT_REQUIRED' } } });
    expect((await call('getProfile', { token: tokens.accessToken })).status).toBe(200);

    const start = await call<{ secretCode: string }>('startTotpEnrollment', { token: tokens.accessToken });
    world.advance(30_000);
    const code = totpCode(start.body.secretCode, world.clock().getTime());
    expect((await call('verifyTotpEnrollment', { token: tokens.accessToken, body: { code } })).status).toBe(
      200,
    );
    expect(await call('disableMfa', { token: tokens.accessToken })).toMatchObject({
      status: 409,
      body: { error: { code: 'MFA_REQUIRED' } },
    });
  });

  it('sign-out revokes every token the user holds', async () => {
    const tokens = (await activatedApplicant(world, 'jane@example.com')) as Tokens;
    world.advance(1000);
    expect((await act(await idOf('jane@example.com'), 'sign-out')).status).toBe(200);
    expect((await call('getProfile', { token: tokens.accessToken })).status).toBe(401);
    expect((await call('refreshTokens', { body: { refreshToken: tokens.refreshToken } })).status).toBe(401);
  });
});
