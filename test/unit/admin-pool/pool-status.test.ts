import { activatedApplicant, adminToken, call, freshWorld, submitApplication } from '../../support/harness';

describe('poolStatus (GET /admin/cognito)', () => {
  let world: ReturnType<typeof freshWorld>;
  let admin: string;
  beforeEach(async () => {
    world = freshWorld();
    admin = await adminToken(world);
  });

  it('shows configuration names (never values), the pool and client, the newest users and the sync count', async () => {
    for (const n of [1, 2]) {
      world.advance(1000);
      await submitApplication({ email: `s${n}@example.com` });
    }
    // biome-ignore lint/suspicious/noExplicitAny: the JSON answer is read by shape
    const status = await call<Record<string, any>>('poolStatus', { token: admin });
    expect(status.status).toBe(200);
    expect(status.body.configuration).toEqual(
      expect.arrayContaining([{ name: 'COGNITO_USER_POOL_ID', set: expect.any(Boolean) }]),
    );
    expect(JSON.stringify(status.body.configuration)).not.toContain('local-webhook-secret');
    expect(status.body.pool).toMatchObject({
      mfa: 'OPTIONAL',
      passwordPolicy: { minLength: 8, requireSymbols: true },
      signInAttributes: ['email'],
      deletionProtection: true,
      estimatedUsers: 3,
    });
    expect(status.body.client).toMatchObject({ tokenRevocation: true, preventUserExistenceErrors: true });
    expect(status.body.client).not.toHaveProperty('clientSecret');
    expect(status.body.recentUsers.map((u: { email: string }) => u.email)).toEqual([
      's2@example.com',
      's1@example.com',
      'root-admin@example.com',
    ]);
    expect(status.body.sync).toEqual({ usersTable: 3, cognitoEstimate: 3, difference: 0, estimated: true });
  });

  it('is for admins only', async () => {
    const tokens = await activatedApplicant(world, 'jane@example.com');
    expect((await call('poolStatus', { token: tokens.accessToken })).status).toBe(403);
    expect((await call('probeConnection', { token: tokens.accessToken })).status).toBe(403);
  });
});
