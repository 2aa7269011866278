import { call, freshWorld, STRONG_PASSWORD, submitApplication } from '../../support/harness';

const EMAIL = 'sam@example.com';

describe('register (POST /auth/register)', () => {
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

  it('returns 400 INVALID_PASSWORD for a weak password, for a taken email too', async () => {
    await submitApplication({ email: 'taken@example.com' });
    const weak = await call('register', { body: { email: EMAIL, password: 'weakpass' } });
    const weakTaken = await call('register', { body: { email: 'taken@example.com', password: 'weakpass' } });

    expect(weak).toMatchObject({ status: 400, body: { error: { code: 'INVALID_PASSWORD' } } });
    expect(weakTaken.body).toEqual(weak.body);
  });
});
