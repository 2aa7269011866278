import { type AdminUserView, activatedApplicant, adminToken, call, freshWorld } from '../../support/harness';

type User = AdminUserView;
type Tokens = { accessToken: string; refreshToken: string };

describe('setUserPassword (PUT /admin/users/{userId}/password)', () => {
  let world: ReturnType<typeof freshWorld>;
  let admin: string;
  beforeEach(async () => {
    world = freshWorld();
    admin = await adminToken(world);
  });

  const idOf = async (email: string) => (await world.users.findByEmail(email))?.userId as string;

  it('sets a permanent password (policy errors 400 INVALID_PASSWORD) and revokes held tokens', async () => {
    const tokens = (await activatedApplicant(world, 'jane@example.com')) as Tokens;
    const id = await idOf('jane@example.com');
    const weak = await call('setUserPassword', {
      token: admin,
      pathParameters: { userId: id },
      body: { password: 'weak', permanent: true },
    });
    expect(weak).toMatchObject({ status: 400, body: { error: { code: 'INVALID_PASSWORD' } } });
    world.advance(1000);
    const set = await call<User>('setUserPassword', {
      token: admin,
      pathParameters: { userId: id },
      body: { password: 'Adm1n!Set-2026', permanent: true },
    });
    expect(set.body).toMatchObject({ cognitoStatus: 'CONFIRMED' });
    expect((await call('getProfile', { token: tokens.accessToken })).status).toBe(401);
    expect(
      (await call('login', { body: { email: 'jane@example.com', password: 'Adm1n!Set-2026' } })).status,
    ).toBe(200);
  });
});
