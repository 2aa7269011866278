import { SoftwareAuthenticator } from '../../../local/software-authenticator';
import { adminAndUser, call, type freshWorld } from '../../support/harness';
import { registerPasskey } from '../../support/passkeys';

type Listed = { passkeys: Array<{ credentialId: string; createdAt: string; removedAt?: string }> };

describe('listUserPasskeys (GET /admin/users/{userId}/passkeys)', () => {
  let world: ReturnType<typeof freshWorld>;
  let admin: string;
  let userId: string;
  let token: string;
  beforeEach(async () => {
    let tokens: { accessToken: string };
    ({ world, admin, tokens, userId } = await adminAndUser('ivy@example.com'));
    token = tokens.accessToken;
  });
  const list = (id = userId, as = admin) =>
    call<Listed>('listUserPasskeys', { token: as, pathParameters: { userId: id } });

  it('lists the passkeys registered through the API, oldest first (audited: test/unit/security/audit-trail.test.ts)', async () => {
    const first = (await registerPasskey(token)).credential;
    world.advance(1_000);
    const second = (await registerPasskey(token)).credential;

    const answer = await list();

    expect(answer.status).toBe(200);
    expect(answer.body.passkeys.map((p) => p.credentialId)).toEqual([first.id, second.id]);
    expect(answer.body.passkeys[0]).toEqual({ credentialId: first.id, createdAt: expect.any(String) });
  });

  it('learns a passkey registered straight at Cognito once the user lists theirs', async () => {
    const options = (await world.cognito.passkeys.startRegistration(token)) as never;
    const credential = SoftwareAuthenticator.create().register(options, 'http://localhost:3000');
    await world.cognito.passkeys.completeRegistration(token, credential);
    expect((await list()).body.passkeys).toEqual([]);

    await call('listPasskeys', { token });

    expect((await list()).body.passkeys.map((p) => p.credentialId)).toEqual([credential.id]);
  });

  it('answers 404 for an unknown user, 401 without a token, 403 for a user who is not an admin', async () => {
    expect((await list('no-such-user')).status).toBe(404);
    expect((await call('listUserPasskeys', { pathParameters: { userId } })).status).toBe(401);
    expect((await list(userId, token)).status).toBe(403);
  });
});
