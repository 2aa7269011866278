import { type AdminUserView, activatedApplicant, adminToken, call, freshWorld } from '../../support/harness';

type User = AdminUserView;

describe('setUserMfa (PUT /admin/users/{userId}/mfa)', () => {
  let world: ReturnType<typeof freshWorld>;
  let admin: string;
  beforeEach(async () => {
    world = freshWorld();
    admin = await adminToken(world);
  });

  const idOf = async (email: string) => (await world.users.findByEmail(email))?.userId as string;

  it('sets the MFA preference; TOTP for a user without a verified app is 400 CODE_MISMATCH', async () => {
    await activatedApplicant(world, 'jane@example.com');
    const id = await idOf('jane@example.com');
    const refused = await call('setUserMfa', {
      token: admin,
      pathParameters: { userId: id },
      body: { totp: true, sms: false },
    });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'CODE_MISMATCH' } } });
    const off = await call<User>('setUserMfa', {
      token: admin,
      pathParameters: { userId: id },
      body: { totp: false, sms: false },
    });
    expect(off.body).toMatchObject({ mfa: { enabled: false, required: false } });
  });
});
