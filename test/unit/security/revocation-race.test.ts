import { activatedApplicant, adminToken, call, freshWorld, STRONG_PASSWORD } from '../../support/harness';

/**
 * A sign-in right after a revocation (issue 20, section 2). A token's `iat` has
 * whole seconds, so a token issued in the very second of a revocation cannot
 * be placed before or after it by `iat`; the caller gate then asks Cognito,
 * which revoked every token issued before and none after. The fake's clock
 * stands still here, so every sign-in falls in the revocation's second — the
 * hardest case — 50 times in a row for each kind of revocation: the token held
 * before is refused, the one issued after is served.
 */
const ROUNDS = 50;
const EMAIL = 'racer@example.com';
type Tokens = { accessToken: string };

const signIn = async (password = STRONG_PASSWORD) => {
  const answer = await call<{ tokens: Tokens }>('login', { body: { email: EMAIL, password } });
  expect(answer.status).toBe(200);
  return answer.body.tokens.accessToken;
};

const KINDS: Record<
  string,
  (ctx: { admin: string; userId: string; held: string; round: number }) => Promise<string>
> = {
  'own sign-out': async ({ held }) => {
    expect((await call('signOut', { token: held })).status).toBe(204);
    return STRONG_PASSWORD;
  },
  'admin sign-out': async ({ admin, userId }) => {
    expect(
      (await call('userAction', { token: admin, pathParameters: { userId, action: 'sign-out' } })).status,
    ).toBe(200);
    return STRONG_PASSWORD;
  },
  'admin disable, then enable': async ({ admin, userId }) => {
    for (const action of ['disable', 'enable']) {
      expect((await call('userAction', { token: admin, pathParameters: { userId, action } })).status).toBe(
        200,
      );
    }
    return STRONG_PASSWORD;
  },
  'admin sets a password': async ({ admin, userId, round }) => {
    const password = `Set!Passw0rd-${round}`;
    const set = await call('setUserPassword', {
      token: admin,
      pathParameters: { userId },
      body: { password, permanent: true },
    });
    expect(set.status).toBe(200);
    return password;
  },
};

describe('a sign-in right after a revocation is served; every token from before is refused', () => {
  it.each(Object.keys(KINDS))('%s, 50 times in a row within one second', async (kind) => {
    const world = freshWorld();
    const admin = await adminToken(world);
    await activatedApplicant(world, EMAIL);
    const userId = (await world.users.findByEmail(EMAIL))?.userId as string;
    let held = await signIn();
    const revoke = KINDS[kind] as (typeof KINDS)[string];
    const start = world.clock().getTime();
    for (let round = 0; round < ROUNDS; round++) {
      expect((await call('getProfile', { token: held })).status).toBe(200);
      const password = await revoke({ admin, userId, held, round });
      const next = await signIn(password);
      expect({ round, before: (await call('getProfile', { token: held })).status }).toEqual({
        round,
        before: 401,
      });
      expect({ round, after: (await call('getProfile', { token: next })).status }).toEqual({
        round,
        after: 200,
      });
      held = next;
    }
    expect(world.clock().getTime()).toBe(start); // all in one second of the fake's clock
  });
});
