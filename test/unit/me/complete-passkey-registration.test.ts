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

describe('completePasskeyRegistration: registration hygiene (WebAuthn Level 3, §7.1)', () => {
  let world: ReturnType<typeof freshWorld>;
  let jane: string;
  let bob: string;
  beforeEach(async () => {
    world = freshWorld();
    jane = (await activatedApplicant(world, 'jane@example.com')).accessToken;
    bob = (await activatedApplicant(world, 'bob@example.com')).accessToken;
  });

  /** A registration answered with `credentialId` (an id seen before), or with `crossOrigin: true`. */
  async function ceremony(token: string, twist: { credentialId?: string; crossOrigin?: boolean }) {
    const created = await call<{ options: Parameters<SoftwareAuthenticator['register']>[0] }>(
      'startPasskeyRegistration',
      { token },
    );
    const credential = SoftwareAuthenticator.create().register(
      created.body.options,
      PAGE_ORIGIN,
      'none',
      twist.credentialId,
    );
    if (twist.crossOrigin) {
      const response = credential.response as { clientDataJSON: string };
      const clientData = JSON.parse(Buffer.from(response.clientDataJSON, 'base64url').toString());
      response.clientDataJSON = Buffer.from(JSON.stringify({ ...clientData, crossOrigin: true })).toString(
        'base64url',
      );
    }
    return { credential, answer: await call('completePasskeyRegistration', { token, body: { credential } }) };
  }

  const passkeysOf = async (token: string) =>
    (await call<{ passkeys: Array<{ credentialId: string }> }>('listPasskeys', { token })).body.passkeys;

  it('refuses a credential id the caller registered already: the list keeps it once', async () => {
    const { credential } = await registerPasskey(jane);
    const again = await ceremony(jane, { credentialId: credential.id as string });

    expect(again.answer).toMatchObject({ status: 400, body: { error: { code: 'PASSKEY_REJECTED' } } });
    expect(await passkeysOf(jane)).toHaveLength(1);
  });

  it("refuses another user's credential id, at the API and at Cognito (the fake)", async () => {
    const { credential } = await registerPasskey(jane);
    const stolen = await ceremony(bob, { credentialId: credential.id as string });

    expect(stolen.answer).toMatchObject({ status: 400, body: { error: { code: 'PASSKEY_REJECTED' } } });
    expect(await passkeysOf(bob)).toEqual([]);
  });

  it('refuses a ceremony run in a frame of another site (crossOrigin: true), at the API and at Cognito', async () => {
    const framed = await ceremony(jane, { crossOrigin: true });
    expect(framed.answer).toMatchObject({ status: 400, body: { error: { code: 'PASSKEY_REJECTED' } } });
    expect(await passkeysOf(jane)).toEqual([]);

    // Straight at Cognito (the fake), with the user's own token: refused too.
    const options = (await world.cognito.passkeys.startRegistration(jane)) as never;
    const credential = SoftwareAuthenticator.create().register(options, PAGE_ORIGIN);
    const response = credential.response as { clientDataJSON: string };
    const clientData = JSON.parse(Buffer.from(response.clientDataJSON, 'base64url').toString());
    response.clientDataJSON = Buffer.from(JSON.stringify({ ...clientData, crossOrigin: true })).toString(
      'base64url',
    );
    await expect(world.cognito.passkeys.completeRegistration(jane, credential)).rejects.toMatchObject({
      name: 'PasskeyRejectedError',
    });
  });

  it("refuses another user's credential id straight at Cognito (the fake)", async () => {
    const { credential } = await registerPasskey(jane);
    const options = (await world.cognito.passkeys.startRegistration(bob)) as never;
    const copy = SoftwareAuthenticator.create().register(
      options,
      PAGE_ORIGIN,
      'none',
      credential.id as string,
    );
    await expect(world.cognito.passkeys.completeRegistration(bob, copy)).rejects.toMatchObject({
      name: 'PasskeyRejectedError',
    });
  });
});
