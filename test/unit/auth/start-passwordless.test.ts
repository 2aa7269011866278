import { activatedApplicant, call, freshWorld } from '../../support/harness';

type Challenge = { name: string; session: string; attemptsRemaining?: number };
type Answer = { challenge?: Challenge; tokens?: { accessToken: string }; error?: { code: string } };
const EMAIL = 'pat@example.com';

describe('startPasswordless (POST /auth/passwordless/start) on the real triggers', () => {
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

  it('mails a 6-digit code; the right code gives tokens that work', async () => {
    const started = await start();
    expect(started).toMatchObject({
      status: 200,
      body: { challenge: { name: 'EMAIL_OTP', session: expect.any(String) } },
    });
    expect(started.body.challenge).not.toHaveProperty('attemptsRemaining');
    const [mail] = codes();
    expect(mail?.secret).toMatch(/^\d{6}$/);
    expect(JSON.stringify(started.body)).not.toContain(mail?.secret as string);

    const verified = await verify(started.body.challenge?.session as string, mail?.secret as string);
    expect(verified.status).toBe(200);
    expect((await call('getProfile', { token: verified.body.tokens?.accessToken as string })).status).toBe(
      200,
    );
  });

  it('an unknown address gets the same answer and no email, and can never sign in', async () => {
    const unknown = await start('nobody@example.com');
    expect(unknown.status).toBe(200);
    expect(Object.keys(unknown.body.challenge ?? {}).sort()).toEqual(['name', 'session']);
    expect(world.outbox.list('nobody@example.com')).toEqual([]);
    const answer = await verify(unknown.body.challenge?.session as string, '123456', 'nobody@example.com');
    expect(answer.body.challenge).toMatchObject({ name: 'EMAIL_OTP', attemptsRemaining: 2 });
  });

  it('mails at most 5 codes per address per 15 minutes; the sixth start answers the same and mails nothing', async () => {
    world.advance(900_000 - (world.clock().getTime() % 900_000)); // the counters' windows are fixed
    for (let i = 0; i < 6; i++) expect((await start()).status).toBe(200);
    expect(codes()).toHaveLength(5);
    world.advance(15 * 60_000);
    await start();
    expect(codes()).toHaveLength(6);
  });

  it('locks the address after 5 failed sessions: starts answer the same and mail nothing', async () => {
    world.advance(3_600_000 - (world.clock().getTime() % 3_600_000)); // the counters' windows are fixed
    for (let s = 0; s < 5; s++) {
      world.advance(4 * 60_000); // keep under the per-15-minute send limit
      let session = (await start()).body.challenge?.session as string;
      const code = codes().at(-1)?.secret as string;
      for (let i = 0; i < 3; i++)
        session = (await verify(session, wrong(code))).body.challenge?.session ?? session;
    }
    const sent = codes().length;
    world.advance(4 * 60_000);
    expect((await start()).status).toBe(200);
    expect(codes()).toHaveLength(sent);
  });
});

describe('passwordless on a deployment without an email sender', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    freshWorld();
    // As deployed without -c sesFromAddress: real adapters, no SES_FROM_ADDRESS.
    Object.assign(process.env, {
      MOCK_MODE: 'false',
      AWS_REGION: 'eu-west-1',
      COGNITO_USER_POOL_ID: 'eu-west-1_NoSender1',
      COGNITO_CLIENT_ID: 'no-sender-client',
      USERS_TABLE_NAME: 'Users',
    });
    delete process.env.SES_FROM_ADDRESS;
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it.each([
    ['startPasswordless', { email: EMAIL }],
    ['verifyPasswordless', { email: EMAIL, session: 'x'.repeat(40), code: '123456' }],
  ] as const)('%s answers 501 NOT_CONFIGURED before any AWS call, never a 500', async (operation, body) => {
    const answer = await call<Answer>(operation, { body });
    expect(answer.status).toBe(501);
    expect(answer.body.error?.code).toBe('NOT_CONFIGURED');
    expect(JSON.stringify(answer.body)).not.toMatch(/sesFromAddress|SES_FROM_ADDRESS/);
  });
});

describe('emailed sign-in codes: one budget per address across both flows', () => {
  it('USER_AUTH EMAIL_OTP and passwordless starts together mail at most 5 codes per 15 minutes', async () => {
    const world = freshWorld();
    await activatedApplicant(world, EMAIL);
    world.advance(900_000 - (world.clock().getTime() % 900_000)); // the counters' windows are fixed
    const answers: number[] = [];
    for (let i = 0; i < 4; i++) {
      answers.push((await call('signIn', { body: { email: EMAIL, preferred: 'EMAIL_OTP' } })).status);
      answers.push((await call('startPasswordless', { body: { email: EMAIL } })).status);
    }
    const mailed = world.outbox.list(EMAIL).filter((m) => m.kind === 'SIGN_IN_CODE');
    expect(mailed).toHaveLength(5);
    // Past the budget: USER_AUTH answers 429 (the API counts before Cognito mails); passwordless the same 200, no mail.
    expect(answers).toEqual([200, 200, 200, 200, 200, 200, 429, 200]);
  });
});
