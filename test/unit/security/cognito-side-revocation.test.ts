import { SESSION_CHECK_TTL_MS } from '../../../lambdas/core/http/session-check';
import { activatedApplicant, adminToken, call, freshWorld } from '../../support/harness';

/**
 * What reaches Cognito without passing through the API is honoured by the
 * protected routes (issue 20): the caller gate asks Cognito (GetUser) about
 * each token at most every 60 s per container, so a revocation sent straight
 * to Cognito counts within that window — at once for a token the container
 * has not seen yet. Each test names the rule it protects.
 */
describe('revocations made straight in Cognito', () => {
  const EMAIL = 'direct@example.com';
  let world: ReturnType<typeof freshWorld>;
  let token: string;
  let username: string;
  beforeEach(async () => {
    world = freshWorld();
    token = (await activatedApplicant(world, EMAIL)).accessToken;
    username = (await world.cognito.directory.getUser(EMAIL))?.username as string;
  });
  const me = async (t = token) => (await call('getProfile', { token: t })).status;

  it('rule: a user who signs out everywhere with Cognito GlobalSignOut is no longer served (within 60 s)', async () => {
    expect(await me()).toBe(200); // the verdict is now reused for up to 60 s
    await world.cognito.selfService.globalSignOut(token);
    world.advance(SESSION_CHECK_TTL_MS);
    expect(await me()).toBe(401);
  });

  it('rule: a token the container has not seen is refused at once after a GlobalSignOut sent to Cognito', async () => {
    await world.cognito.selfService.globalSignOut(token);
    expect(await me()).toBe(401);
  });

  it.each([
    ['AdminDisableUser', (w: typeof world, u: string) => w.cognito.directory.setEnabled(u, false)],
    ['AdminDeleteUser', (w: typeof world, u: string) => w.cognito.directory.deleteUser(u)],
    ['AdminUserGlobalSignOut', (w: typeof world, u: string) => w.cognito.accountAdmin.globalSignOut(u)],
  ] as const)(
    'rule: an operator’s %s in the console ends the user’s access within 60 s',
    async (_name, act) => {
      expect(await me()).toBe(200);
      await act(world, username);
      world.advance(SESSION_CHECK_TTL_MS);
      expect(await me()).toBe(401);
    },
  );

  it('rule: "require MFA" cannot be switched off from the user’s side (SetUserMFAPreference straight to Cognito)', async () => {
    const admin = await adminToken(world);
    const userId = (await world.users.findByEmail(EMAIL))?.userId as string;
    await call('userAction', { token: admin, pathParameters: { userId, action: 'require-mfa' } });
    const start = await call<{ secretCode: string }>('startTotpEnrollment', { token });
    world.advance(30_000);
    const { totpCode } = await import('../../../lambdas/core/domain/totp');
    const code = totpCode(start.body.secretCode, world.clock().getTime());
    expect((await call('verifyTotpEnrollment', { token, body: { code } })).status).toBe(200);
    expect((await call('chooseUsername', { token, body: { username: 'directone' } })).status).toBe(200);

    // The user turns TOTP off with their own access token, around DELETE /me/mfa (which answers 409).
    await world.cognito.selfService.setTotpPreference(token, false);

    const held = await call('chooseUsername', { token, body: { username: 'directtwo' } });
    expect(held).toMatchObject({ status: 403, body: { error: { code: 'MFA_ENROLLMENT_REQUIRED' } } });
    expect(await me()).toBe(200); // the profile and enrollment stay open, to enroll again
  });
});
