import { memoryWorld, resetMemoryWorld } from '../../../lambdas/core/adapters/memory/world';
import { activatedApplicant, adminToken, call, freshWorld, STRONG_PASSWORD } from '../../support/harness';

describe('getProfile (GET /me)', () => {
  beforeEach(() => freshWorld());

  it('returns 200 with the caller’s User record and groups', async () => {
    const tokens = await activatedApplicant(memoryWorld(), 'jane@example.com');

    const answer = await call('getProfile', { token: tokens.accessToken });

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      userId: expect.any(String),
      email: 'jane@example.com',
      status: 'pending_approval',
      role: 'user',
      emailVerified: true,
      mfa: { enabled: false, required: false },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      groups: [],
    });
  });

  it('lists the admin group for an admin', async () => {
    const world = memoryWorld();
    const token = await adminToken(world);

    const answer = await call('getProfile', { token });

    expect(answer.body).toMatchObject({ role: 'admin', groups: ['admin'] });
  });

  it.each([
    ['no token', undefined],
    ['a malformed token', 'not-a-jwt'],
  ])('returns 401 UNAUTHENTICATED with %s', async (_, token) => {
    const answer = await call('getProfile', token ? { token } : {});

    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
  });

  it('returns 401 for an ID token presented as an access token', async () => {
    const tokens = await activatedApplicant(memoryWorld(), 'jane@example.com');

    expect((await call('getProfile', { token: tokens.idToken })).status).toBe(401);
  });

  it('returns 401 for an expired access token', async () => {
    const twoHoursAgo = Date.now() - 2 * 3_600_000;
    const world = resetMemoryWorld({ clock: () => new Date(twoHoursAgo) });
    const tokens = await activatedApplicant(world, 'jane@example.com');

    expect((await call('getProfile', { token: tokens.accessToken })).status).toBe(401);
  });

  it('returns 401 for a token whose signature was tampered with', async () => {
    const tokens = await activatedApplicant(memoryWorld(), 'jane@example.com');
    const [header, payload] = tokens.accessToken.split('.');
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload as string, 'base64url').toString()),
        'cognito:groups': ['admin'],
      }),
    ).toString('base64url');

    expect(
      (await call('getProfile', { token: `${header}.${forged}.${tokens.accessToken.split('.')[2]}` })).status,
    ).toBe(401);
  });

  it('returns 401 UNAUTHENTICATED when the account has no User record (the caller gate)', async () => {
    const world = memoryWorld();
    world.cognito.seedUser({ email: 'ghost@example.com', password: STRONG_PASSWORD });
    const login = await call<{ tokens: { accessToken: string } }>('login', {
      body: { email: 'ghost@example.com', password: STRONG_PASSWORD },
    });

    const answer = await call('getProfile', { token: login.body.tokens.accessToken });

    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });
});
