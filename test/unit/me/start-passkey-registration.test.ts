import { activatedApplicant, call, freshWorld } from '../../support/harness';

describe('startPasskeyRegistration (POST /me/passkeys/options)', () => {
  it('answers the creation options for the pool relying party: the user, a fresh challenge, a discoverable ES256 key', async () => {
    const world = freshWorld();
    const tokens = await activatedApplicant(world, 'jane@example.com');

    const first = await call<{ options: Record<string, unknown> }>('startPasskeyRegistration', {
      token: tokens.accessToken,
    });
    const second = await call<{ options: Record<string, unknown> }>('startPasskeyRegistration', {
      token: tokens.accessToken,
    });

    expect(first.status).toBe(200);
    expect(first.body.options).toMatchObject({
      rp: { id: 'localhost' },
      user: { name: 'jane@example.com' },
      challenge: expect.any(String),
      pubKeyCredParams: expect.arrayContaining([{ alg: -7, type: 'public-key' }]),
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    expect(second.body.options.challenge).not.toBe(first.body.options.challenge);
  });

  it('answers 401 without a token and 501 NOT_CONFIGURED where the pool has no relying party', async () => {
    const world = freshWorld({ passkeys: 'off' });
    const tokens = await activatedApplicant(world, 'jane@example.com');

    const anonymous = await call('startPasskeyRegistration', {});
    const off = await call('startPasskeyRegistration', { token: tokens.accessToken });

    expect(anonymous.status).toBe(401);
    expect(off).toMatchObject({ status: 501, body: { error: { code: 'NOT_CONFIGURED' } } });
  });
});
