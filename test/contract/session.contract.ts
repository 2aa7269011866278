import { UnauthenticatedError } from '../../lambdas/core/domain/errors';
import { type CognitoBackend, confirmed, gapAware, STRONG } from './cognito-backend';

function accessTokenOf(outcome: unknown): string {
  const tokens = (outcome as { tokens?: { accessToken: string } }).tokens;
  if (!tokens) throw new Error('expected tokens');
  return tokens.accessToken;
}

/**
 * Cognito's verdict on an access token (GetUser), which the caller gate asks
 * (issue 20): it is what makes a revocation that never passed through the API
 * count, and it decides a token issued in the very second of a revocation.
 * The same assertions on the fake and through the real adapter on cognito-local and moto.
 */
export function sessionContract(backend: CognitoBackend): void {
  const { unless, skipNote } = gapAware(backend);
  const signIn = (email: string) => backend.signIn().passwordLogin(email, STRONG).then(accessTokenOf);

  describe(`Cognito's verdict on access tokens (GetUser) on ${backend.name}`, () => {
    it('names the user of a live token, with their email and TOTP state', async () => {
      const { email } = await confirmed(backend, 'getuser');
      const token = await signIn(email);
      const account = await backend.directory().getUser(email);
      await expect(backend.selfService().getUser(token)).resolves.toEqual({
        username: account?.username,
        email,
        totpEnabled: false,
      });
    });

    it('rule: an operator’s AdminDeleteUser ends the token (the gate refuses it)', async () => {
      const { email } = await confirmed(backend, 'getuser-deleted');
      const token = await signIn(email);
      const account = await backend.directory().getUser(email);
      await backend.directory().deleteUser(account?.username as string);
      await expect(backend.selfService().getUser(token)).rejects.toBeInstanceOf(UnauthenticatedError);
    });

    unless('disableRevokesTokens')(
      `rule: an operator’s AdminDisableUser ends the token, also once the user is enabled again${skipNote('disableRevokesTokens')}`,
      async () => {
        const { email } = await confirmed(backend, 'getuser-disabled');
        const token = await signIn(email);
        const account = await backend.directory().getUser(email);
        await backend.directory().setEnabled(account?.username as string, false);
        await expect(backend.selfService().getUser(token)).rejects.toBeInstanceOf(UnauthenticatedError);
        await backend.directory().setEnabled(account?.username as string, true);
        await expect(backend.selfService().getUser(token)).rejects.toBeInstanceOf(UnauthenticatedError);
      },
    );

    unless('globalSignOut')(
      `rule: a sign-in in the same second as a GlobalSignOut is live, every token from before is not — 50 times in a row${skipNote('globalSignOut')}`,
      async () => {
        const { email } = await confirmed(backend, 'getuser-race');
        let held = await signIn(email);
        for (let round = 0; round < 50; round++) {
          await backend.selfService().globalSignOut(held);
          const next = await signIn(email);
          await expect(backend.selfService().getUser(held)).rejects.toBeInstanceOf(UnauthenticatedError);
          await expect(backend.selfService().getUser(next)).resolves.toMatchObject({ email });
          held = next;
        }
      },
      60_000,
    );
  });
}
