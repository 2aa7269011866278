import {
  CodeMismatchError,
  NotAuthorizedError,
  UnauthenticatedError,
  UserExistsError,
  UserNotConfirmedError,
} from '../../lambdas/core/domain/errors';
import { totpCode } from '../../lambdas/core/domain/totp';
import { type CognitoBackend, confirmed, gapAware, STRONG, ticketFor, uniqueEmail } from './cognito-backend';

const NEW_PASSWORD = 'N3w!Passw0rd-2026';

function tokensOf(outcome: unknown) {
  const tokens = (outcome as { tokens?: { accessToken: string; refreshToken?: string } }).tokens;
  if (!tokens) throw new Error('expected tokens');
  return tokens;
}

/**
 * The self-service port's contract, and the sign-in methods that go with it
 * (refresh, challenges): the same assertions on the in-memory fake and on the
 * Cognito adapters on cognito-local and on moto; each emulator skips only its named gaps.
 */
export function selfServiceContract(backend: CognitoBackend): void {
  const { unless, skipNote } = gapAware(backend);
  const service = () => backend.selfService();
  const signIn = () => backend.signIn();

  describe(`SelfService contract on ${backend.name}`, () => {
    it('signs up UNCONFIRMED, refuses sign-in until confirmed, then signs in', async () => {
      const email = uniqueEmail('signup').toLowerCase();
      await service().signUp({ email, password: STRONG, ticket: ticketFor(email) });

      await expect(signIn().passwordLogin(email, STRONG)).rejects.toBeInstanceOf(UserNotConfirmedError);
      await service().confirmSignUp(email, await backend.signUpCodeOf(email));
      await expect(signIn().passwordLogin(email, STRONG)).resolves.toHaveProperty('tokens');
    });

    unless('checksCodes')(
      `refuses a wrong sign-up confirmation code with CodeMismatchError${skipNote('checksCodes')}`,
      async () => {
        const email = uniqueEmail('signup-wrong-code').toLowerCase();
        await service().signUp({ email, password: STRONG, ticket: ticketFor(email) });
        await expect(service().confirmSignUp(email, '000000')).rejects.toBeInstanceOf(CodeMismatchError);
        await expect(signIn().passwordLogin(email, STRONG)).rejects.toBeInstanceOf(UserNotConfirmedError);
      },
    );

    it('refuses a second sign-up of the same email with UserExistsError', async () => {
      const email = uniqueEmail('signup-twice').toLowerCase();
      await service().signUp({ email, password: STRONG, ticket: ticketFor(email) });
      await expect(
        service().signUp({ email, password: STRONG, ticket: ticketFor(email) }),
      ).rejects.toBeInstanceOf(UserExistsError);
    });

    unless('preSignUp')(
      `refuses a SignUp without the API's ticket (the PreSignUp trigger), and creates nothing${skipNote('preSignUp')}`,
      async () => {
        const email = uniqueEmail('signup-door').toLowerCase();
        await expect(service().signUp({ email, password: STRONG, ticket: '' })).rejects.toThrow(
          /PreSignUp failed with error Sign-up is only possible through the API/i,
        );
        const other = uniqueEmail('signup-door-other').toLowerCase();
        await expect(service().signUp({ email, password: STRONG, ticket: ticketFor(other) })).rejects.toThrow(
          /PreSignUp failed/i,
        );
        await expect(backend.directory().getUser(email)).resolves.toBeUndefined();
        // A valid ticket for this email admits it.
        await expect(
          service().signUp({ email, password: STRONG, ticket: ticketFor(email) }),
        ).resolves.toHaveProperty('userSub');
      },
    );

    unless('resendConfirmationCode')(
      `resends a confirmation code that confirms${skipNote('resendConfirmationCode')}`,
      async () => {
        const email = uniqueEmail('signup-resend').toLowerCase();
        await service().signUp({ email, password: STRONG, ticket: ticketFor(email) });
        await service().resendConfirmationCode(email);
        await service().confirmSignUp(email, await backend.signUpCodeOf(email));
      },
    );

    it('resets a password with the emailed code; the old one stops working', async () => {
      const { email } = await confirmed(backend, 'reset');
      await service().forgotPassword(email);

      await service().confirmForgotPassword({
        email,
        code: await backend.resetCodeOf(email),
        newPassword: NEW_PASSWORD,
      });

      await expect(signIn().passwordLogin(email, STRONG)).rejects.toBeInstanceOf(NotAuthorizedError);
      await expect(signIn().passwordLogin(email, NEW_PASSWORD)).resolves.toHaveProperty('tokens');
    });

    unless('refreshSecretHash')(
      `refreshes tokens with the refresh token of a password sign-in${skipNote('refreshSecretHash')}`,
      async () => {
        const { email } = await confirmed(backend, 'refresh');
        const login = await signIn().passwordLogin(email, STRONG);
        const refreshed = await signIn().refresh(tokensOf(login).refreshToken as string);
        expect(refreshed.accessToken).toEqual(expect.any(String));
      },
    );

    unless('refreshAfterChallenge', 'refreshSecretHash')(
      `refreshes with the refresh token a challenge answer issued${skipNote('refreshAfterChallenge', 'refreshSecretHash')}`,
      async () => {
        const { outcome } = await confirmed(backend, 'refresh-challenge');
        await expect(signIn().refresh(tokensOf(outcome).refreshToken as string)).resolves.toHaveProperty(
          'accessToken',
        );
      },
    );

    unless('totpWindows')(
      `enrolls TOTP; sign-in then asks for the code, and a right code gives tokens${skipNote('totpWindows')}`,
      async () => {
        const { email, outcome } = await confirmed(backend, 'totp');
        const { accessToken } = tokensOf(outcome);
        const { secretCode } = await service().associateSoftwareToken(accessToken);
        await expect(service().verifySoftwareToken(accessToken, '000000')).rejects.toBeInstanceOf(
          CodeMismatchError,
        );
        await service().verifySoftwareToken(accessToken, totpCode(secretCode, Date.now()));
        await service().setTotpPreference(accessToken, true);

        const login = await signIn().passwordLogin(email, STRONG);
        expect(login).toMatchObject({ challenge: { name: 'SOFTWARE_TOKEN_MFA' } });
        const session = (login as { challenge: { session: string } }).challenge.session;
        // The code of the next step: the one used to verify is spent in its window.
        const code = totpCode(secretCode, Date.now() + 30_000);
        await expect(
          signIn().respondToChallenge({ email, session, name: 'SOFTWARE_TOKEN_MFA', code }),
        ).resolves.toHaveProperty('tokens');
      },
    );

    unless('globalSignOut')(
      `signs out globally: the refresh token and the access token stop working${skipNote('globalSignOut')}`,
      async () => {
        const { outcome } = await confirmed(backend, 'signout');
        const tokens = tokensOf(outcome);

        await service().globalSignOut(tokens.accessToken);

        await expect(signIn().refresh(tokens.refreshToken as string)).rejects.toBeInstanceOf(
          NotAuthorizedError,
        );
        await expect(service().associateSoftwareToken(tokens.accessToken)).rejects.toBeInstanceOf(
          UnauthenticatedError,
        );
      },
    );
  });
}
