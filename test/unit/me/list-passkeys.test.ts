import { activatedApplicant, call, freshWorld } from '../../support/harness';
import { registerPasskey } from '../../support/passkeys';

describe('listPasskeys (GET /me/passkeys)', () => {
  it("lists the caller's own passkeys only, oldest first", async () => {
    const world = freshWorld();
    const jane = (await activatedApplicant(world, 'jane@example.com')).accessToken;
    const joe = (await activatedApplicant(world, 'joe@example.com')).accessToken;
    const first = await registerPasskey(jane);
    world.advance(1000);
    const second = await registerPasskey(jane);

    const janes = await call<{ passkeys: Array<Record<string, unknown>> }>('listPasskeys', { token: jane });
    const joes = await call<{ passkeys: unknown[] }>('listPasskeys', { token: joe });

    expect(janes.status).toBe(200);
    expect(janes.body.passkeys).toEqual([
      {
        credentialId: first.credential.id,
        name: 'Passkey',
        relyingPartyId: 'localhost',
        attachment: 'platform',
        transports: ['internal'],
        createdAt: expect.any(String),
      },
      expect.objectContaining({ credentialId: second.credential.id }),
    ]);
    expect(joes.body.passkeys).toEqual([]);
  });
});
