import { activatedApplicant, call, freshWorld, STRONG_PASSWORD } from '../../support/harness';

type Tokens = { accessToken: string; refreshToken: string; idToken: string };
const EMAIL = 'jane@example.com';

describe('signOut (POST /auth/sign-out)', () => {
  let world: ReturnType<typeof freshWorld>;
  let tokens: Tokens;
  beforeEach(async () => {
    world = freshWorld();
    tokens = (await activatedApplicant(world, EMAIL)) as Tokens;
  });

  it('answers 204; the access token and every refresh token stop working at once', async () => {
    world.advance(2000);
    const answer = await call('signOut', { token: tokens.accessToken });

    expect(answer.status).toBe(204);
    expect((await call('getProfile', { token: tokens.accessToken })).status).toBe(401);
    expect((await call('refreshTokens', { body: { refreshToken: tokens.refreshToken } })).status).toBe(401);
    world.advance(2000);
    const again = await call<{ tokens: Tokens }>('login', {
      body: { email: EMAIL, password: STRONG_PASSWORD },
    });
    expect((await call('getProfile', { token: again.body.tokens.accessToken })).status).toBe(200);
  });

  it('refuses the presented token even within the second it was issued', async () => {
    const login = await call<{ tokens: Tokens }>('login', {
      body: { email: EMAIL, password: STRONG_PASSWORD },
    });
    const fresh = login.body.tokens.accessToken;

    expect((await call('signOut', { token: fresh })).status).toBe(204);
    expect((await call('getProfile', { token: fresh })).status).toBe(401);
  });

  it('returns 401 without a token', async () => {
    expect((await call('signOut')).status).toBe(401);
  });
});
