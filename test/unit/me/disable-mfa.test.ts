import { activatedApplicant, call, enrollTotp, freshWorld, STRONG_PASSWORD } from '../../support/harness';

type Tokens = { accessToken: string; refreshToken: string; idToken: string };
const EMAIL = 'jane@example.com';

describe('disableMfa (DELETE /me/mfa)', () => {
  let world: ReturnType<typeof freshWorld>;
  let tokens: Tokens;
  beforeEach(async () => {
    world = freshWorld();
    tokens = (await activatedApplicant(world, EMAIL)) as Tokens;
  });

  const enroll = (access = tokens.accessToken) => enrollTotp(world, access);

  it('answers 204 and sign-in no longer asks for a code', async () => {
    await enroll();

    expect((await call('disableMfa', { token: tokens.accessToken })).status).toBe(204);
    const login = await call('login', { body: { email: EMAIL, password: STRONG_PASSWORD } });
    expect(login.body).toHaveProperty('tokens');
    await expect(world.users.findByEmail(EMAIL)).resolves.toMatchObject({ mfa: { enabled: false } });
  });

  it('returns 409 MFA_REQUIRED while an admin requires MFA', async () => {
    await enroll();
    const record = await world.users.findByEmail(EMAIL);
    await world.users.setMfa(record?.userId as string, { enabled: true, required: true, method: 'totp' });

    expect(await call('disableMfa', { token: tokens.accessToken })).toMatchObject({
      status: 409,
      body: { error: { code: 'MFA_REQUIRED' } },
    });
  });
});
