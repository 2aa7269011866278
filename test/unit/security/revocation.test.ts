import { activatedApplicant, adminToken, call, freshWorld, STRONG_PASSWORD } from '../../support/harness';

/**
 * The revocation rule of docs/api.md: a protected route refuses the token of a user
 * who signed out globally, was disabled, suspended or deleted, and an admin
 * route refuses a caller who is no longer an admin — at once. The check is in
 * the function (the caller gate), not in the local authorizer emulation.
 */
describe('revocation (the caller gate)', () => {
  async function applicant(world: ReturnType<typeof freshWorld>, email = 'jane@example.com') {
    const tokens = await activatedApplicant(world, email);
    const record = await world.users.findByEmail(email);
    if (!record) throw new Error('no record');
    return { token: tokens.accessToken, userId: record.userId };
  }

  it('refuses a token issued before a global sign-out, and accepts the next sign-in', async () => {
    const world = freshWorld();
    const { token, userId } = await applicant(world);
    expect((await call('getProfile', { token })).status).toBe(200);

    world.advance(2000);
    await world.users.revokeTokens(userId, world.clock());

    expect(await call('getProfile', { token })).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED' } },
    });
    world.advance(2000);
    const again = await call<{ tokens: { accessToken: string } }>('login', {
      body: { email: 'jane@example.com', password: STRONG_PASSWORD },
    });
    expect((await call('getProfile', { token: again.body.tokens.accessToken })).status).toBe(200);
  });

  it.each(['suspended', 'disabled'] as const)('refuses the token of a %s user', async (status) => {
    const world = freshWorld();
    const { token, userId } = await applicant(world);

    await world.users.transition(userId, 'pending_approval', status);

    expect((await call('getProfile', { token })).status).toBe(401);
  });

  it('refuses the token of a user whose record was deleted', async () => {
    const world = freshWorld();
    const { token, userId } = await applicant(world);

    (world.users as unknown as { records: Map<string, unknown> }).records.delete(userId);

    expect((await call('getProfile', { token })).status).toBe(401);
  });

  describe('on admin routes', () => {
    async function admin(world: ReturnType<typeof freshWorld>) {
      const token = await adminToken(world);
      const account = await world.cognito.directory.getUser('root-admin@example.com');
      if (!account) throw new Error('no admin');
      return { token, username: account.username };
    }
    const provision = (token: string, email: string) => call('provisionNewAdmin', { token, body: { email } });

    it('accepts the admin, then refuses them once removed from the admin group (403)', async () => {
      const world = freshWorld();
      const { token, username } = await admin(world);
      expect((await provision(token, 'first@example.com')).status).toBe(201);

      await world.cognito.directory.removeUserFromGroup(username, 'admin');

      expect(await provision(token, 'second@example.com')).toMatchObject({
        status: 403,
        body: { error: { code: 'FORBIDDEN' } },
      });
      await expect(world.cognito.directory.getUser('second@example.com')).resolves.toBeUndefined();
    });

    it('refuses an admin disabled in Cognito (401), and again once enabled only with a new token', async () => {
      const world = freshWorld();
      const { token, username } = await admin(world);

      await world.cognito.directory.setEnabled(username, false);

      expect((await provision(token, 'x@example.com')).status).toBe(401);
      await world.cognito.directory.setEnabled(username, true);
      // AdminDisableUser revoked every token the admin held, as Cognito does.
      expect((await provision(token, 'x@example.com')).status).toBe(401);
      world.advance(1000);
      expect((await provision(await adminToken(world), 'x@example.com')).status).toBe(201);
    });

    it('refuses an admin deleted from Cognito (401)', async () => {
      const world = freshWorld();
      const { token, username } = await admin(world);

      await world.cognito.directory.deleteUser(username);

      expect((await provision(token, 'x@example.com')).status).toBe(401);
      await expect(world.cognito.directory.getUser('x@example.com')).resolves.toBeUndefined();
    });

    it('refuses an admin whose record no longer says admin (403)', async () => {
      const world = freshWorld();
      const { token, username } = await admin(world);
      const records = (world.users as unknown as { records: Map<string, { role: string }> }).records;
      const record = records.get(username);
      if (record) record.role = 'user';

      expect((await provision(token, 'x@example.com')).status).toBe(403);
    });

    it('refuses an admin token issued before a global sign-out (401)', async () => {
      const world = freshWorld();
      const { token, username } = await admin(world);
      world.advance(2000);

      await world.users.revokeTokens(username, world.clock());

      expect((await provision(token, 'x@example.com')).status).toBe(401);
      expect((await call('resendAdminInvite', { token, body: { email: 'x@example.com' } })).status).toBe(401);
    });

    it("refuses a member of a group merely named 'staff,admin'", async () => {
      const world = freshWorld();
      const account = world.cognito.seedUser({
        email: 'staff@example.com',
        password: STRONG_PASSWORD,
        groups: ['staff,admin'],
      });
      await world.users.create({
        userId: account.sub,
        email: account.email,
        status: 'active',
        role: 'admin',
        emailVerified: true,
        mfa: { enabled: false, required: false },
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      });
      const login = await call<{ tokens: { accessToken: string } }>('login', {
        body: { email: 'staff@example.com', password: STRONG_PASSWORD },
      });

      expect((await provision(login.body.tokens.accessToken, 'x@example.com')).status).toBe(403);
    });
  });
});
