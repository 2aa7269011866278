import { activatedApplicant, call, freshWorld } from '../../support/harness';
import { registerPasskey } from '../../support/passkeys';

describe('deletePasskey (DELETE /me/passkeys/{credentialId})', () => {
  it("deletes the caller's passkey (204); another user's id, or a gone one, is 404 NOT_FOUND", async () => {
    const world = freshWorld();
    const jane = (await activatedApplicant(world, 'jane@example.com')).accessToken;
    const joe = (await activatedApplicant(world, 'joe@example.com')).accessToken;
    const { credential } = await registerPasskey(jane);
    const params = { credentialId: credential.id as string };

    const byJoe = await call('deletePasskey', { token: joe, pathParameters: params });
    const byJane = await call('deletePasskey', { token: jane, pathParameters: params });
    const again = await call('deletePasskey', { token: jane, pathParameters: params });

    expect(byJoe).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(byJane.status).toBe(204);
    expect(again.status).toBe(404);
    expect((await call<{ passkeys: unknown[] }>('listPasskeys', { token: jane })).body.passkeys).toEqual([]);
  });

  it('answers 400 VALIDATION_ERROR for an id that is not base64url', async () => {
    const world = freshWorld();
    const jane = (await activatedApplicant(world, 'jane@example.com')).accessToken;

    const answer = await call('deletePasskey', { token: jane, pathParameters: { credentialId: 'a/b' } });

    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_ERROR' } } });
  });
});
