import { activatedApplicant, adminAndUser, call, type freshWorld } from '../../support/harness';
import { PAGE_ORIGIN, registerPasskey } from '../../support/passkeys';

type Outcome = {
  tokens?: { accessToken: string };
  challenge?: { session: string; credentialRequestOptions?: Record<string, unknown> };
  error?: { code: string; message: string };
};
type Listed = { passkeys: Array<{ credentialId: string; removedAt?: string }> };
const EMAIL = 'ivy@example.com';

/**
 * An intruder's passkey, removed by an admin: refused at its next use (and
 * deleted in Cognito with that sign-in's tokens), gone from the user's list.
 */
describe('removeUserPasskey (DELETE /admin/users/{userId}/passkeys/{credentialId})', () => {
  let world: ReturnType<typeof freshWorld>;
  let admin: string;
  let userId: string;
  let token: string;
  beforeEach(async () => {
    let tokens: { accessToken: string };
    ({ world, admin, tokens, userId } = await adminAndUser(EMAIL));
    token = tokens.accessToken;
  });

  const remove = (credentialId: string, id = userId) =>
    call('removeUserPasskey', { token: admin, pathParameters: { userId: id, credentialId } });
  const passkeySignIn = async (
    authenticator: Awaited<ReturnType<typeof registerPasskey>>['authenticator'],
  ) => {
    const started = await call<Outcome>('signIn', { body: { email: EMAIL, preferred: 'WEB_AUTHN' } });
    const credential = authenticator.authenticate(
      started.body.challenge?.credentialRequestOptions as never,
      PAGE_ORIGIN,
    );
    return call<Outcome>('respondToChallenge', {
      body: { email: EMAIL, session: started.body.challenge?.session, name: 'WEB_AUTHN', credential },
    });
  };

  it('refuses the removed passkey at its next sign-in and deletes it in Cognito; the other passkey still works', async () => {
    const intruder = await registerPasskey(token);
    const owner = await registerPasskey(token);

    expect((await remove(intruder.credential.id as string)).status).toBe(204);
    const listed = await call<Listed>('listUserPasskeys', { token: admin, pathParameters: { userId } });
    expect(listed.body.passkeys.find((p) => p.credentialId === intruder.credential.id)?.removedAt).toEqual(
      expect.any(String),
    );

    const refused = await passkeySignIn(intruder.authenticator);
    expect(refused).toMatchObject({ status: 401, body: { error: { code: 'NOT_AUTHORIZED' } } });
    const ok = await passkeySignIn(owner.authenticator);
    expect(ok.status).toBe(200);
    const mine = await call<Listed>('listPasskeys', { token: ok.body.tokens?.accessToken as string });
    expect(mine.body.passkeys.map((p) => p.credentialId)).toEqual([owner.credential.id]);
    // Deleted in Cognito (the fake) and forgotten by the index.
    expect(await world.passkeyIndex.find(intruder.credential.id as string)).toBeUndefined();
  });

  it("deletes it in Cognito at the owner's next list if it is never used", async () => {
    const intruder = await registerPasskey(token);
    await remove(intruder.credential.id as string);

    const mine = await call<Listed>('listPasskeys', { token });

    expect(mine.body.passkeys).toEqual([]);
    expect(await world.cognito.passkeys.list(token)).toEqual([]);
  });

  it('answers 404 for a passkey of another user or none, and is harmless repeated', async () => {
    const { credential } = await registerPasskey(token);
    const other = await activatedApplicant(world, 'other@example.com');
    const otherId = (await world.users.findByEmail('other@example.com'))?.userId as string;
    expect(other.accessToken).toBeDefined();

    expect((await remove(credential.id as string, otherId)).status).toBe(404);
    expect((await remove('bm9uZQ')).status).toBe(404);
    expect((await remove(credential.id as string)).status).toBe(204);
    expect((await remove(credential.id as string)).status).toBe(204);
  });
});
