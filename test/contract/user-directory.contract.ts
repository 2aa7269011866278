import {
  CodeMismatchError,
  NotAuthorizedError,
  PasswordResetRequiredError,
  UnauthenticatedError,
  UserExistsError,
  UserNotFoundError,
} from '../../lambdas/core/domain/errors';
import { type CognitoBackend, gapAware, invited, uniqueEmail } from './cognito-backend';

/**
 * The user-directory port's contract (Admin* APIs): the same assertions for
 * the in-memory fake and for the Cognito adapter on cognito-local and moto. The fake
 * must pass all of them, since it follows real Cognito; the emulator skips
 * only its named gaps.
 */
export function userDirectoryContract(backend: CognitoBackend): void {
  const { unless, skipNote } = gapAware(backend);

  describe(`UserDirectory contract on ${backend.name}`, () => {
    it('creates users in FORCE_CHANGE_PASSWORD with a sub, a lower-cased email and the given attributes', async () => {
      const { email, user } = await invited(backend, 'create');

      expect(user).toMatchObject({ email, status: 'FORCE_CHANGE_PASSWORD', enabled: true });
      expect(user.sub).toMatch(/^[0-9a-f-]{36}$/);
      await expect(backend.directory().getUser(email)).resolves.toMatchObject({
        sub: user.sub,
        attributes: expect.objectContaining({ 'custom:role': 'user', email_verified: 'true' }),
      });
    });

    it('refuses a second user with the same email, in any case, with UserExistsError', async () => {
      const { email } = await invited(backend, 'duplicate');

      await expect(backend.directory().createUser({ email: email.toUpperCase() })).rejects.toBeInstanceOf(
        UserExistsError,
      );
    });

    it('finds no unknown user', async () => {
      await expect(backend.directory().getUser(uniqueEmail('nobody'))).resolves.toBeUndefined();
    });

    unless('resend')(
      `resends a new temporary password; the old one stops working${skipNote('resend')}`,
      async () => {
        const { email, temporaryPassword } = await invited(backend, 'resend');

        await backend.directory().resendTemporaryPassword(email);

        const fresh = await backend.temporaryPasswordOf(email, temporaryPassword);
        expect(fresh).not.toBe(temporaryPassword);
        await expect(backend.signIn().passwordLogin(email, fresh)).resolves.toHaveProperty(
          'challenge.name',
          'NEW_PASSWORD_REQUIRED',
        );
        await expect(backend.signIn().passwordLogin(email, temporaryPassword)).rejects.toBeInstanceOf(
          NotAuthorizedError,
        );
      },
    );

    unless('resend')(
      `refuses a resend for an unknown email with UserNotFoundError${skipNote('resend')}`,
      async () => {
        await expect(
          backend.directory().resendTemporaryPassword(uniqueEmail('nobody')),
        ).rejects.toBeInstanceOf(UserNotFoundError);
      },
    );

    it('disables and enables a user (AdminDisableUser / AdminEnableUser)', async () => {
      const { email, user } = await invited(backend, 'disable');

      await backend.directory().setEnabled(user.username, false);
      await expect(backend.directory().getUser(email)).resolves.toMatchObject({ enabled: false });
      await backend.directory().setEnabled(user.username, true);
      await expect(backend.directory().getUser(email)).resolves.toMatchObject({ enabled: true });
    });

    it('adds a user to a group and removes them from it', async () => {
      const { user } = await invited(backend, 'group');

      await backend.directory().addUserToGroup(user.username, 'admin');
      await expect(backend.directory().groupsOf(user.username)).resolves.toEqual(['admin']);
      await backend.directory().removeUserFromGroup(user.username, 'admin');
      await expect(backend.directory().groupsOf(user.username)).resolves.toEqual([]);
    });

    it('sets a permanent password an admin chose, which then signs in; updates allowed attributes', async () => {
      const { email, user } = await invited(backend, 'admin-set');
      await backend.accountAdmin().setPassword(user.username, 'Adm1n!Set-2026', true);
      await expect(backend.signIn().passwordLogin(email, 'Adm1n!Set-2026')).resolves.toHaveProperty('tokens');
      await expect(backend.directory().getUser(email)).resolves.toMatchObject({ status: 'CONFIRMED' });

      await backend
        .accountAdmin()
        .updateAttributes(user.username, { name: 'Jane', 'custom:organizationId': 'org-7' });
      await expect(backend.directory().getUser(email)).resolves.toMatchObject({
        attributes: expect.objectContaining({ name: 'Jane', 'custom:organizationId': 'org-7' }),
      });
    });

    unless('adminAccountCalls', 'adminSignOut')(
      `signs a user out everywhere (AdminUserGlobalSignOut): the access token and the refresh token stop working${skipNote('adminAccountCalls', 'adminSignOut')}`,
      async () => {
        const { email, user } = await invited(backend, 'admin-reset');
        await backend.accountAdmin().setPassword(user.username, 'Adm1n!Set-2026', true);
        const login = await backend.signIn().passwordLogin(email, 'Adm1n!Set-2026');
        const refreshToken = (login as { tokens: { refreshToken: string } }).tokens.refreshToken;

        await backend.accountAdmin().globalSignOut(user.username);
        const { accessToken } = (login as { tokens: { accessToken: string } }).tokens;
        await expect(backend.selfService().getUser(accessToken)).rejects.toBeInstanceOf(UnauthenticatedError);
        if (!backend.gaps.refreshSecretHash)
          await expect(backend.signIn().refresh(refreshToken)).rejects.toBeInstanceOf(NotAuthorizedError);
        await expect(
          backend.accountAdmin().setMfaPreference(user.username, { totp: true, sms: false }),
        ).rejects.toBeInstanceOf(CodeMismatchError);
      },
    );

    unless('adminAccountCalls', 'resetRequired')(
      `resets a password: the old one is refused with PasswordResetRequiredError${skipNote('adminAccountCalls', 'resetRequired')}`,
      async () => {
        const { email, user } = await invited(backend, 'admin-reset-required');
        await backend.accountAdmin().setPassword(user.username, 'Adm1n!Set-2026', true);
        await backend.accountAdmin().resetPassword(user.username);
        await expect(backend.signIn().passwordLogin(email, 'Adm1n!Set-2026')).rejects.toBeInstanceOf(
          PasswordResetRequiredError,
        );
      },
    );
  });
}
