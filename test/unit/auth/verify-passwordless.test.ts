import { activatedApplicant, call, freshWorld, submitApplication } from '../../support/harness';

type Challenge = { name: string; session: string; attemptsRemaining?: number };
type Answer = { challenge?: Challenge; tokens?: { accessToken: string }; error?: { code: string } };
const EMAIL = 'pat@example.com';

describe('verifyPasswordless (POST /auth/passwordless/verify) on the real triggers', () => {
  let world: ReturnType<typeof freshWorld>;
  beforeEach(async () => {
    world = freshWorld();
    await activatedApplicant(world, EMAIL);
  });

  const codes = (email = EMAIL) => world.outbox.list(email).filter((m) => m.kind === 'SIGN_IN_CODE');
  const start = (email = EMAIL) => call<Answer>('startPasswordless', { body: { email } });
  const verify = (session: string, code: string, email = EMAIL) =>
    call<Answer>('verifyPasswordless', { body: { email, session, code } });
  const wrong = (code: string) => (code === '000000' ? '000001' : '000000');

  it('a wrong code keeps the same code (no new email) with attemptsRemaining; the third wrong code is 401', async () => {
    const started = await start();
    const code = codes()[0]?.secret as string;
    const first = await verify(started.body.challenge?.session as string, wrong(code));
    expect(first.body.challenge).toMatchObject({ name: 'EMAIL_OTP', attemptsRemaining: 2 });
    const second = await verify(first.body.challenge?.session as string, wrong(code));
    expect(second.body.challenge).toMatchObject({ attemptsRemaining: 1 });
    expect(codes()).toHaveLength(1);
    const third = await verify(second.body.challenge?.session as string, wrong(code));
    expect(third).toMatchObject({ status: 401, body: { error: { code: 'NOT_AUTHORIZED' } } });
    // The ended session, and the right code on it, are refused.
    expect((await verify(second.body.challenge?.session as string, code)).status).toBe(401);
  });

  it('the right code after a wrong one still works (same code, next round)', async () => {
    const started = await start();
    const code = codes()[0]?.secret as string;
    const first = await verify(started.body.challenge?.session as string, wrong(code));
    const second = await verify(first.body.challenge?.session as string, code);
    expect(second.body.tokens).toBeDefined();
  });

  it('a code expires after 3 minutes', async () => {
    const started = await start();
    world.advance(181_000);
    expect(
      (await verify(started.body.challenge?.session as string, codes()[0]?.secret as string)).status,
    ).toBe(401);
  });

  it('a first passwordless sign-in proves the email on the ladder', async () => {
    await submitApplication({ email: 'new@example.com' });
    const started = await start('new@example.com');
    const code = codes('new@example.com').at(-1)?.secret as string;
    expect((await verify(started.body.challenge?.session as string, code, 'new@example.com')).status).toBe(
      200,
    );
    expect(await world.users.findByEmail('new@example.com')).toMatchObject({
      status: 'pending_approval',
      emailVerified: true,
    });
  });
});
