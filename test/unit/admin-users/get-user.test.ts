import { type AdminUserView, adminToken, call, freshWorld, submitApplication } from '../../support/harness';

type User = AdminUserView;

describe('getUser (GET /admin/users/{userId})', () => {
  let world: ReturnType<typeof freshWorld>;
  let admin: string;
  beforeEach(async () => {
    world = freshWorld();
    admin = await adminToken(world);
  });

  const idOf = async (email: string) => (await world.users.findByEmail(email))?.userId as string;

  it('answers the User with Cognito state, and 404 for an unknown id', async () => {
    await submitApplication({ email: 'jane@example.com' });
    const user = await call<User>('getUser', {
      token: admin,
      pathParameters: { userId: await idOf('jane@example.com') },
    });
    expect(user.body).toMatchObject({
      email: 'jane@example.com',
      status: 'pending_verification',
      cognitoStatus: 'FORCE_CHANGE_PASSWORD',
      enabled: true,
      cognitoMfa: { methods: [] },
    });
    const unknown = await call('getUser', {
      token: admin,
      pathParameters: { userId: '00000000-0000-0000-0000-000000000000' },
    });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });
});
