import { call, freshWorld, STRONG_PASSWORD, submitApplication } from '../../support/harness';

const EMAIL = 'sam@example.com';

describe('self sign-up', () => {
  let world: ReturnType<typeof freshWorld>;
  beforeEach(() => {
    world = freshWorld();
  });
  const codeOf = (email = EMAIL) => world.outbox.latest(email, 'VERIFICATION_CODE')?.secret as string;

  it('answers 201 with a masked destination, emails a code, and writes a pending_verification record', async () => {
    const answer = await call('register', { body: { email: EMAIL, password: STRONG_PASSWORD, name: 'Sam' } });

    expect(answer).toMatchObject({
      status: 201,
      body: { userConfirmed: false, delivery: { medium: 'EMAIL', destination: 's***@e***' } },
    });
    expect(codeOf()).toMatch(/^\d{6}$/);
    await expect(world.users.findByEmail(EMAIL)).resolves.toMatchObject({
      status: 'pending_verification',
      emailVerified: false,
    });
  });

  it('answers a taken email exactly like a fresh one, and sends it nothing', async () => {
    await submitApplication({ email: 'taken@example.com' });
    const before = world.outbox.list('taken@example.com').length;

    const taken = await call('register', { body: { email: 'Taken@Example.com', password: STRONG_PASSWORD } });
    const fresh = await call('register', {
      body: { email: 'tfresh@example.com', password: STRONG_PASSWORD },
    });

    expect(taken.status).toBe(fresh.status);
    expect(taken.body).toEqual(fresh.body);
    expect(world.outbox.list('taken@example.com')).toHaveLength(before);
  });

  it('confirms with the code: pending_approval and email verified; then sign-in works', async () => {
    await call('register', { body: { email: EMAIL, password: STRONG_PASSWORD } });
    expect(await call('login', { body: { email: EMAIL, password: STRONG_PASSWORD } })).toMatchObject({
      status: 403,
      body: { error: { code: 'USER_NOT_CONFIRMED' } },
    });
    expect(await call('login', { body: { email: EMAIL, password: 'Wr0ng!Password' } })).toMatchObject({
      status: 401,
      body: { error: { code: 'NOT_AUTHORIZED' } },
    });

    const confirmed = await call('confirmRegistration', { body: { email: EMAIL, code: codeOf() } });

    expect(confirmed).toMatchObject({ status: 200, body: { status: 'pending_approval' } });
    await expect(world.users.findByEmail(EMAIL)).resolves.toMatchObject({
      status: 'pending_approval',
      emailVerified: true,
    });
    expect((await call('login', { body: { email: EMAIL, password: STRONG_PASSWORD } })).body).toHaveProperty(
      'tokens',
    );
  });

  it('returns 400 CODE_MISMATCH, CODE_EXPIRED and 429 as Cognito does', async () => {
    await call('register', { body: { email: EMAIL, password: STRONG_PASSWORD } });
    expect(await call('confirmRegistration', { body: { email: EMAIL, code: '000000' } })).toMatchObject({
      status: 400,
      body: { error: { code: 'CODE_MISMATCH' } },
    });
    expect(
      await call('confirmRegistration', { body: { email: 'nobody@example.com', code: '000000' } }),
    ).toMatchObject({
      status: 400,
      body: { error: { code: 'CODE_MISMATCH' } },
    });
    world.advance(25 * 60 * 60 * 1000);
    expect(await call('confirmRegistration', { body: { email: EMAIL, code: codeOf() } })).toMatchObject({
      status: 400,
      body: { error: { code: 'CODE_EXPIRED' } },
    });
    await call('resendRegistrationCode', { body: { email: EMAIL } });
    for (let i = 0; i < 5; i++) await call('confirmRegistration', { body: { email: EMAIL, code: '000000' } });
    expect((await call('confirmRegistration', { body: { email: EMAIL, code: codeOf() } })).status).toBe(429);
  });

  it('resends a new code with the same 202 for every email', async () => {
    await call('register', { body: { email: EMAIL, password: STRONG_PASSWORD } });
    const first = codeOf();

    const known = await call('resendRegistrationCode', { body: { email: EMAIL } });
    const unknown = await call('resendRegistrationCode', { body: { email: 'nobody@example.com' } });

    expect(known).toMatchObject({ status: 202, body: unknown.body });
    expect(codeOf()).not.toBe(first);
    expect((await call('confirmRegistration', { body: { email: EMAIL, code: codeOf() } })).status).toBe(200);
  });

  it('writes the missing record at confirmation when registration could not', async () => {
    jest.spyOn(world.users, 'create').mockRejectedValueOnce(new Error('throttled'));
    await call('register', { body: { email: EMAIL, password: STRONG_PASSWORD } });
    await expect(world.users.findByEmail(EMAIL)).resolves.toBeUndefined();

    await call('confirmRegistration', { body: { email: EMAIL, code: codeOf() } });

    await expect(world.users.findByEmail(EMAIL)).resolves.toMatchObject({ status: 'pending_approval' });
  });

  it('returns 400 INVALID_PASSWORD for a weak password, for a taken email too', async () => {
    await submitApplication({ email: 'taken@example.com' });
    const weak = await call('register', { body: { email: EMAIL, password: 'weakpass' } });
    const weakTaken = await call('register', { body: { email: 'taken@example.com', password: 'weakpass' } });

    expect(weak).toMatchObject({ status: 400, body: { error: { code: 'INVALID_PASSWORD' } } });
    expect(weakTaken.body).toEqual(weak.body);
  });
});
