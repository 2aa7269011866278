import { call, freshWorld, STRONG_PASSWORD } from '../../support/harness';

const EMAIL = 'sam@example.com';

describe('resendRegistrationCode (POST /auth/register/resend)', () => {
  let world: ReturnType<typeof freshWorld>;
  beforeEach(() => {
    world = freshWorld();
  });
  const codeOf = (email = EMAIL) => world.outbox.latest(email, 'VERIFICATION_CODE')?.secret as string;

  it('resends a new code with the same 202 for every email', async () => {
    await call('register', { body: { email: EMAIL, password: STRONG_PASSWORD } });
    const first = codeOf();

    const known = await call('resendRegistrationCode', { body: { email: EMAIL } });
    const unknown = await call('resendRegistrationCode', { body: { email: 'nobody@example.com' } });

    expect(known).toMatchObject({ status: 202, body: unknown.body });
    expect(codeOf()).not.toBe(first);
    expect((await call('confirmRegistration', { body: { email: EMAIL, code: codeOf() } })).status).toBe(200);
  });
});
