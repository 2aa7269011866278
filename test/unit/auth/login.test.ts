import {
  activatedApplicant,
  call,
  freshWorld,
  STRONG_PASSWORD,
  submitApplication,
} from '../../support/harness';

describe('login (POST /auth/login)', () => {
  let world: ReturnType<typeof freshWorld>;
  beforeEach(() => {
    world = freshWorld();
  });

  it('returns 200 with tokens for a confirmed user, with no-store caching', async () => {
    await activatedApplicant(world, 'jane@example.com');

    const answer = await call('login', { body: { email: 'JANE@example.com', password: STRONG_PASSWORD } });

    expect(answer.status).toBe(200);
    expect(answer.headers['Cache-Control']).toBe('no-store');
    expect(answer.body).toMatchObject({ tokens: { tokenType: 'Bearer', expiresIn: 3600 } });
  });

  it('returns 200 with the NEW_PASSWORD_REQUIRED challenge for an invited user', async () => {
    await submitApplication({ email: 'jane@example.com' });
    const temporaryPassword = world.outbox.latest('jane@example.com')?.secret as string;

    const answer = await call('login', { body: { email: 'jane@example.com', password: temporaryPassword } });

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      challenge: { name: 'NEW_PASSWORD_REQUIRED', session: expect.any(String) },
    });
  });

  it('returns an identical 401 NOT_AUTHORIZED for a wrong password and an unknown email', async () => {
    await activatedApplicant(world, 'jane@example.com');

    const wrong = await call('login', { body: { email: 'jane@example.com', password: 'Wr0ng!Password' } });
    const unknown = await call('login', {
      body: { email: 'nobody@example.com', password: 'Wr0ng!Password' },
    });

    expect(wrong.status).toBe(401);
    expect(wrong.raw.body).toBe(unknown.raw.body);
    expect(wrong.raw.body).not.toContain('Wr0ng!Password');
  });

  it('returns 401 TEMPORARY_PASSWORD_EXPIRED for the right temporary password after its 7 days', async () => {
    await submitApplication({ email: 'jane@example.com' });
    const temporaryPassword = world.outbox.latest('jane@example.com')?.secret as string;
    world.advance(7 * 86_400_000 + 1000);

    const expired = await call('login', { body: { email: 'jane@example.com', password: temporaryPassword } });
    const wrong = await call('login', { body: { email: 'jane@example.com', password: 'Wr0ng!Password' } });

    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ error: { code: 'TEMPORARY_PASSWORD_EXPIRED' } });
    // Only the right password learns that it expired.
    expect(wrong.body).toMatchObject({ error: { code: 'NOT_AUTHORIZED' } });
  });

  it.each([
    ['no body', undefined],
    ['no password', { email: 'jane@example.com' }],
    ['an array', [1, 2]],
  ])('returns 400 VALIDATION_ERROR for %s', async (_, body) => {
    const answer = await call('login', { body });

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'VALIDATION_ERROR' } });
  });
});
