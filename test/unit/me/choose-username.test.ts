import { activatedApplicant, adminToken, call, freshWorld } from '../../support/harness';

type Tokens = { accessToken: string; idToken: string; refreshToken: string };

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] as string, 'base64url').toString('utf8'));
}

describe('chooseUsername (PUT /me/username)', () => {
  let world: ReturnType<typeof freshWorld>;
  let jane: Tokens;
  let john: Tokens;
  beforeEach(async () => {
    world = freshWorld();
    jane = (await activatedApplicant(world, 'jane@example.com')) as Tokens;
    john = (await activatedApplicant(world, 'john@example.com')) as Tokens;
  });
  const choose = (tokens: Tokens, username: string) =>
    call<{ username?: string; error?: { code: string } }>('chooseUsername', {
      token: tokens.accessToken,
      body: { username },
    });

  it('sets it once; the next ID token carries it; again is 409 USERNAME_ALREADY_SET', async () => {
    expect(await choose(jane, 'JaneDoe')).toMatchObject({ status: 200, body: { username: 'JaneDoe' } });
    expect((await call<{ username: string }>('getProfile', { token: jane.accessToken })).body.username).toBe(
      'JaneDoe',
    );
    const refreshed = await call<{ tokens: Tokens }>('refreshTokens', {
      body: { refreshToken: jane.refreshToken },
    });
    expect(claimsOf(refreshed.body.tokens.idToken)['custom:username']).toBe('JaneDoe');
    expect(await choose(jane, 'Other1')).toMatchObject({
      status: 409,
      body: { error: { code: 'USERNAME_ALREADY_SET' } },
    });
    expect((await choose(jane, 'JaneDoe')).status).toBe(200); // the same name again converges
  });

  it('is unique case-insensitively: 409 USERNAME_TAKEN', async () => {
    await choose(jane, 'JaneDoe');
    expect(await choose(john, 'janedoe')).toMatchObject({
      status: 409,
      body: { error: { code: 'USERNAME_TAKEN' } },
    });
  });

  it('lets exactly one of two users racing for one name win', async () => {
    const [a, b] = await Promise.all([choose(jane, 'Racer'), choose(john, 'RACER')]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it('refuses a malformed name with 400 VALIDATION_ERROR', async () => {
    for (const username of ['ab', 'a'.repeat(31), 'jane doe', 'jäne', 'jane_doe'])
      expect(await choose(jane, username)).toMatchObject({
        status: 400,
        body: { error: { code: 'VALIDATION_ERROR' } },
      });
  });

  it('frees the name when the account is deleted', async () => {
    await choose(jane, 'JaneDoe');
    const admin = await adminToken(world);
    const id = (await world.users.findByEmail('jane@example.com'))?.userId as string;
    expect((await call('deleteUser', { token: admin, pathParameters: { userId: id } })).status).toBe(204);
    expect((await choose(john, 'janedoe')).status).toBe(200);
  });
});
