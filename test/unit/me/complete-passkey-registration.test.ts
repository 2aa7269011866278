import { SoftwareAuthenticator } from '../../../local/software-authenticator';
import { activatedApplicant, call, freshWorld } from '../../support/harness';
import { PAGE_ORIGIN, registerPasskey } from '../../support/passkeys';

describe('completePasskeyRegistration (POST /me/passkeys)', () => {
  let world: ReturnType<typeof freshWorld>;
  let token: string;
  beforeEach(async () => {
    world = freshWorld();
    token = (await activatedApplicant(world, 'jane@example.com')).accessToken;
  });

  it.each(['none', 'packed'] as const)(
    'registers a passkey with %s attestation (204)',
    async (attestation) => {
      const { answer } = await registerPasskey(token, { attestation });

      expect(answer.status).toBe(204);
      expect((await call<{ passkeys: unknown[] }>('listPasskeys', { token })).body.passkeys).toHaveLength(1);
    },
  );

  it('refuses 400 PASSKEY_REJECTED a passkey made for another site, and one without open options', async () => {
    const foreign = await registerPasskey(token, { origin: 'https://evil.example' });
    const authenticator = SoftwareAuthenticator.create();
    const stale = authenticator.register(
      { challenge: 'bm90LWlzc3VlZA', rp: { id: 'localhost', name: 'x' }, user: { id: 'dQ', name: 'jane' } },
      PAGE_ORIGIN,
    );
    const noOptions = await call('completePasskeyRegistration', { token, body: { credential: stale } });

    expect(foreign.answer).toMatchObject({ status: 400, body: { error: { code: 'PASSKEY_REJECTED' } } });
    expect(noOptions).toMatchObject({ status: 400, body: { error: { code: 'PASSKEY_REJECTED' } } });
  });

  it('refuses an answer to a challenge that was already used (the options are single use)', async () => {
    const { credential } = await registerPasskey(token);

    const replay = await call('completePasskeyRegistration', { token, body: { credential } });

    expect(replay).toMatchObject({ status: 400, body: { error: { code: 'PASSKEY_REJECTED' } } });
  });

  it('refuses an authenticator that does not verify its user where the pool requires verification', async () => {
    world = freshWorld({ passkeys: { rpId: 'localhost', userVerification: 'required' } });
    token = (await activatedApplicant(world, 'joe@example.com')).accessToken;

    const unverified = await registerPasskey(token, {
      authenticator: SoftwareAuthenticator.create({ userVerification: false }),
    });
    const verified = await registerPasskey(token);

    expect(unverified.answer).toMatchObject({ status: 400, body: { error: { code: 'PASSKEY_REJECTED' } } });
    expect(verified.answer.status).toBe(204);
  });

  it('answers 400 VALIDATION_ERROR for a body that is not a credential', async () => {
    const answer = await call('completePasskeyRegistration', { token, body: { credential: { id: 'x' } } });

    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_ERROR' } } });
  });
});
