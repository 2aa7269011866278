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

describe('signOut when Cognito does not answer: revocation first', () => {
  let world: ReturnType<typeof freshWorld>;
  let tokens: Tokens;
  beforeEach(async () => {
    world = freshWorld();
    tokens = (await activatedApplicant(world, EMAIL)) as Tokens;
  });

  it('answers 202 saying what happened, and the access and refresh tokens are refused at the API all the same', async () => {
    const outage = Object.assign(new Error('Service unavailable'), { name: 'ServiceUnavailable' });
    const globalSignOut = jest.spyOn(world.cognito.selfService, 'globalSignOut').mockRejectedValue(outage);

    const answer = await call<{ message: string }>('signOut', { token: tokens.accessToken });

    expect(globalSignOut).toHaveBeenCalledTimes(1);
    expect(answer.status).toBe(202);
    expect(answer.body.message).toMatch(/Signed out at this API.*Cognito did not confirm/);
    expect((await call('getProfile', { token: tokens.accessToken })).status).toBe(401);
    // Cognito still honours the refresh token (its sign-out failed); the API's refresh does not.
    expect(world.cognito.signIn.refresh(tokens.refreshToken)).resolves.toBeDefined();
    const refreshed = await call('refreshTokens', { body: { refreshToken: tokens.refreshToken } });
    expect(refreshed).toMatchObject({ status: 401, body: { error: { code: 'NOT_AUTHORIZED' } } });
  });

  it('writes the revocation before calling Cognito', async () => {
    const order: string[] = [];
    const revoke = world.users.revokeTokens.bind(world.users);
    jest.spyOn(world.users, 'revokeTokens').mockImplementation(async (...args) => {
      order.push('record');
      return revoke(...args);
    });
    jest.spyOn(world.cognito.selfService, 'globalSignOut').mockImplementation(async () => {
      order.push('cognito');
    });

    expect((await call('signOut', { token: tokens.accessToken })).status).toBe(204);
    expect(order).toEqual(['record', 'cognito']);
  });
});
