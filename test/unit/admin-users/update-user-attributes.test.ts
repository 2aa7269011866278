import { type AdminUserView, adminToken, call, freshWorld, submitApplication } from '../../support/harness';

type User = AdminUserView;

describe('updateUserAttributes (PATCH /admin/users/{userId}/attributes)', () => {
  let world: ReturnType<typeof freshWorld>;
  let admin: string;
  let adminId: string;
  beforeEach(async () => {
    world = freshWorld();
    admin = await adminToken(world);
    adminId = (await world.users.findByEmail('root-admin@example.com'))?.userId as string;
  });

  const idOf = async (email: string) => (await world.users.findByEmail(email))?.userId as string;

  it('changes allowed attributes in Cognito and Users; refuses every other name', async () => {
    await submitApplication({ email: 'jane@example.com' });
    const id = await idOf('jane@example.com');
    const changed = await call<User>('updateUserAttributes', {
      token: admin,
      pathParameters: { userId: id },
      body: { attributes: { name: 'Jane Doe', 'custom:organizationId': 'org-7' } },
    });
    expect(changed.body).toMatchObject({ name: 'Jane Doe', organizationId: 'org-7' });
    expect((await world.cognito.directory.getUser(id))?.attributes).toMatchObject({
      name: 'Jane Doe',
      'custom:organizationId': 'org-7',
    });
    for (const attributes of [
      { email: 'x@example.com' },
      { email_verified: 'true' },
      { 'custom:username': 'x' },
      { 'custom:legacy_id': '1' },
      { 'custom:role': 'admin' },
    ]) {
      const refused = await call('updateUserAttributes', {
        token: admin,
        pathParameters: { userId: id },
        body: { attributes },
      });
      expect(refused).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_ERROR' } } });
    }
    const self = await call('updateUserAttributes', {
      token: admin,
      pathParameters: { userId: adminId },
      body: { attributes: { 'custom:role': 'user' } },
    });
    expect(self).toMatchObject({ status: 409, body: { error: { code: 'CANNOT_TARGET_SELF' } } });
  });
});
