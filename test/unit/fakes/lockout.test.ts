import { createHmac } from 'node:crypto';
import { cognitoErrorOf } from '../../../lambdas/core/adapters/memory/cognito/public-api-wire';
import { activatedApplicant, call, freshWorld, STRONG_PASSWORD } from '../../support/harness';

/**
 * The fake locks an account out after failed password sign-ins as Cognito
 * does (lambdas/core/adapters/memory/cognito/lockout.ts names the figures),
 * and the API answers a lockout as a wrong password: docs/security.md, "Lockout".
 */
const EMAIL = 'lee@example.com';
const WRONG = 'Wr0ng!Password';

describe('the fake pool locks out as Cognito does; the API answers it as a wrong password', () => {
  let world: ReturnType<typeof freshWorld>;
  beforeEach(async () => {
    world = freshWorld();
    await activatedApplicant(world, EMAIL);
  });

  const login = (password: string, email = EMAIL) =>
    call<{ tokens?: unknown; error?: { code: string } }>('login', { body: { email, password } });
  const fail = async (times: number) => {
    for (let i = 0; i < times; i++) expect((await login(WRONG)).status).toBe(401);
  };

  it('allows five failures; the sixth attempt within a second is refused, the right password too', async () => {
    await fail(5);
    // The fifth failure locks for 2^0 = 1 s.
    const locked = await login(STRONG_PASSWORD);
    const wrong = await login(WRONG, 'nobody@example.com');
    expect(locked.status).toBe(401);
    expect(locked.raw.body).toBe(wrong.raw.body);
    world.advance(1_000);
    expect((await login(STRONG_PASSWORD)).body.tokens).toBeDefined();
  });

  it('doubles the lockout with each failure after it, up to 15 minutes; attempts while locked do not count', async () => {
    await fail(5);
    world.advance(1_000);
    await fail(1); // 6th failure: 2 s
    await fail(3); // refused while locked: not counted
    world.advance(1_999);
    expect((await login(STRONG_PASSWORD)).status).toBe(401);
    world.advance(1);
    expect((await login(STRONG_PASSWORD)).body.tokens).toBeDefined();

    for (let n = 0; n < 20; n++) {
      await fail(1);
      world.advance(15 * 60_000 - 1); // never quiet for 15 minutes, never locked for more than 15
    }
    world.advance(1);
    expect((await login(STRONG_PASSWORD)).body.tokens).toBeDefined();
  });

  it('starts again after 15 minutes without an attempt', async () => {
    await fail(5);
    world.advance(15 * 60_000);
    await fail(4);
    expect((await login(STRONG_PASSWORD)).body.tokens).toBeDefined();
  });

  it('no longer lets a run of wrong passwords (20 here; the report had 100) and then the right one in at once', async () => {
    await fail(20);
    expect((await login(STRONG_PASSWORD)).status).toBe(401);
  });

  it('counts USER_AUTH PASSWORD answers too', async () => {
    for (let i = 0; i < 5; i++) {
      const started = await call<{ challenge: { session: string } }>('signIn', {
        body: { email: EMAIL, preferred: 'PASSWORD' },
      });
      const answer = await call('respondToChallenge', {
        body: { email: EMAIL, session: started.body.challenge.session, name: 'PASSWORD', password: WRONG },
      });
      expect(answer.status).toBe(401);
    }
    expect((await login(STRONG_PASSWORD)).status).toBe(401);
  });

  it('answers Cognito\'s own NotAuthorizedException "Password attempts exceeded" on the fake\'s Cognito API', async () => {
    for (let i = 0; i < 5; i++) await world.cognito.signIn.passwordLogin(EMAIL, WRONG).catch(() => undefined);
    const hash = createHmac('sha256', world.cognito.clientSecret)
      .update(`${EMAIL}${world.cognito.clientId}`)
      .digest('base64');
    const refused = await world.cognito.api
      .call('InitiateAuth', {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: world.cognito.clientId,
        AuthParameters: { USERNAME: EMAIL, PASSWORD: STRONG_PASSWORD, SECRET_HASH: hash },
      })
      .catch(cognitoErrorOf);
    expect(refused).toMatchObject({ type: 'NotAuthorizedException', message: 'Password attempts exceeded' });
  });
});
