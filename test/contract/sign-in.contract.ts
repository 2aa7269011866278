import { cognitoAccessTokenVerifier } from '../../lambdas/core/auth/access-token-verifier';
import {
  CodeMismatchError,
  InvalidPasswordError,
  InvalidSessionError,
  NotAuthorizedError,
} from '../../lambdas/core/domain/errors';
import { totpCode } from '../../lambdas/core/domain/totp';
import {
  type CognitoBackend,
  challengeOf,
  confirmed,
  gapAware,
  invited,
  STRONG,
  uniqueEmail,
} from './cognito-backend';

/**
 * The sign-in port's contract (InitiateAuth, RespondToAuthChallenge): the
 * same assertions for the in-memory fake and for the Cognito adapter on
 * cognito-local and on moto; each emulator skips only its named gaps.
 */
export function signInContract(backend: CognitoBackend): void {
  const { unless, skipNote } = gapAware(backend);

  describe(`SignIn contract on ${backend.name}`, () => {
    it('answers the temporary password with the NEW_PASSWORD_REQUIRED challenge', async () => {
      const { email, temporaryPassword } = await invited(backend, 'challenge');

      const outcome = await backend.signIn().passwordLogin(email, temporaryPassword);

      expect(challengeOf(outcome)).toEqual({ name: 'NEW_PASSWORD_REQUIRED', session: expect.any(String) });
    });

    it('confirms the user on a new password and issues access tokens this pool verifies', async () => {
      const { email, user, outcome } = await confirmed(backend, 'confirm');

      expect(outcome).toEqual({
        tokens: expect.objectContaining({
          accessToken: expect.any(String),
          idToken: expect.any(String),
          tokenType: 'Bearer',
        }),
      });
      await expect(backend.directory().getUser(email)).resolves.toMatchObject({ status: 'CONFIRMED' });
      const verifier = cognitoAccessTokenVerifier({
        userPoolId: backend.userPoolId,
        clientId: backend.clientId,
        jwks: await backend.jwks(),
      });
      const tokens = (outcome as { tokens: { accessToken: string } }).tokens;
      await expect(verifier.verify(tokens.accessToken)).resolves.toMatchObject({ sub: user.sub });
      await expect(backend.signIn().passwordLogin(email, STRONG)).resolves.toHaveProperty('tokens');
    });

    it('answers a wrong password and an unknown email with the same NotAuthorizedError', async () => {
      const { email } = await confirmed(backend, 'wrong');

      await expect(backend.signIn().passwordLogin(email, 'Wr0ng!Password')).rejects.toBeInstanceOf(
        NotAuthorizedError,
      );
      await expect(
        backend.signIn().passwordLogin(uniqueEmail('nobody'), 'Wr0ng!Password'),
      ).rejects.toBeInstanceOf(NotAuthorizedError);
    });

    unless('lockout')(
      `locks an account out after five failed passwords: the right one is refused as a wrong one${skipNote('lockout')}`,
      async () => {
        const { email } = await confirmed(backend, 'lockout');
        for (let i = 0; i < 5; i++)
          await expect(backend.signIn().passwordLogin(email, 'Wr0ng!Password')).rejects.toBeInstanceOf(
            NotAuthorizedError,
          );

        await expect(backend.signIn().passwordLogin(email, STRONG)).rejects.toBeInstanceOf(
          NotAuthorizedError,
        );
      },
    );

    unless('checksTemporaryPassword')(
      `refuses a wrong temporary password with NotAuthorizedError${skipNote('checksTemporaryPassword')}`,
      async () => {
        const { email } = await invited(backend, 'wrong-temp');

        await expect(backend.signIn().passwordLogin(email, 'Wr0ng!Password')).rejects.toBeInstanceOf(
          NotAuthorizedError,
        );
      },
    );

    unless('enforcesPasswordPolicy')(
      `refuses a new password that fails the policy with InvalidPasswordError${skipNote('enforcesPasswordPolicy')}`,
      async () => {
        const { email, temporaryPassword } = await invited(backend, 'weak');
        const login = await backend.signIn().passwordLogin(email, temporaryPassword);

        await expect(
          backend.signIn().respondToNewPasswordChallenge({
            email,
            session: challengeOf(login).session,
            newPassword: 'weakpass',
          }),
        ).rejects.toBeInstanceOf(InvalidPasswordError);
      },
    );

    unless('validatesChallengeSession')(
      `refuses a made-up challenge session with InvalidSessionError${skipNote('validatesChallengeSession')}`,
      async () => {
        const { email } = await invited(backend, 'session');

        await expect(
          backend
            .signIn()
            .respondToNewPasswordChallenge({ email, session: 'x'.repeat(64), newPassword: STRONG }),
        ).rejects.toBeInstanceOf(InvalidSessionError);
      },
    );

    unless('customAuth')(
      `runs CUSTOM_AUTH through the triggers: an unknown address gets rounds that never succeed, then NotAuthorized${skipNote('customAuth')}`,
      async () => {
        const email = uniqueEmail('custom-unknown').toLowerCase();
        let outcome = await backend.signIn().startCustomAuth(email);
        for (const left of ['3', '2', '1']) {
          expect(challengeOf(outcome)).toMatchObject({
            name: 'CUSTOM_CHALLENGE',
            parameters: { attemptsRemaining: left },
          });
          if (left === '1') break;
          outcome = await backend.signIn().answerCustomChallenge({
            email,
            session: challengeOf(outcome).session,
            answer: '123456',
          });
        }
        await expect(
          backend
            .signIn()
            .answerCustomChallenge({ email, session: challengeOf(outcome).session, answer: '123456' }),
        ).rejects.toBeInstanceOf(NotAuthorizedError);
      },
    );

    unless('mfaSetup')(
      `on a pool that requires MFA, sends a user without TOTP to MFA_SETUP and enrolls it there${skipNote('mfaSetup')}`,
      async () => {
        const strict = backend.requiringMfa as CognitoBackend;
        const { email, outcome } = await confirmed(strict, 'mfa-setup');
        const setup = challengeOf(outcome);
        expect(setup.name).toBe('MFA_SETUP');

        const { secretCode, session } = await strict.signIn().startMfaSetup(setup.session);
        await expect(
          strict
            .signIn()
            .respondToChallenge({ email, session, name: 'MFA_SETUP', code: wrongCode(secretCode) }),
        ).rejects.toBeInstanceOf(CodeMismatchError);
        const code = totpCode(secretCode, Date.now());
        await expect(
          strict.signIn().respondToChallenge({ email, session, name: 'MFA_SETUP', code }),
        ).resolves.toHaveProperty('tokens');

        // Enrolled: the next sign-in asks for a code of that secret.
        expect(challengeOf(await strict.signIn().passwordLogin(email, STRONG)).name).toBe(
          'SOFTWARE_TOKEN_MFA',
        );
      },
    );
  });
}

/** A 6-digit code that is none of the secret's codes around now. */
function wrongCode(secret: string): string {
  const near = [-1, 0, 1].map((step) => totpCode(secret, Date.now() + step * 30_000));
  let candidate = 0;
  while (near.includes(String(candidate).padStart(6, '0'))) candidate++;
  return String(candidate).padStart(6, '0');
}
