import { InvalidPasswordError, NewPasswordNotRequiredError } from '../../domain/errors';
import { passwordPolicyViolations } from '../../domain/pool-policy';
import type { AuthOutcome } from '../../domain/tokens';
import { mirrorEmailConfirmed } from '../common/ladder-mirror';
import { presentOutcome } from '../common/present-outcome';
import { admitSignIn, type SignInPolicyPorts } from '../common/sign-in-policy';
import { passwordSignInTiming } from '../common/sign-in-timing';

export type NewPasswordInput =
  | { email: string; newPassword: string; session: string }
  | { email: string; newPassword: string; temporaryPassword: string };

/**
 * handleNewPasswordChallenge — the first login of an invited user: replace the
 * temporary password with a permanent one.
 *
 * What it does: calls Cognito `RespondToAuthChallenge` with
 * `ChallengeName: 'NEW_PASSWORD_REQUIRED'` and `{ USERNAME, NEW_PASSWORD }`.
 * Given the temporary password instead of a session, it first signs in with it
 * (`InitiateAuth` USER_PASSWORD_AUTH) to obtain the challenge session. On
 * success the user becomes CONFIRMED in Cognito, and the `Users` record moves
 * `pending_verification -> pending_approval` with `emailVerified: true`
 * (receiving the emailed temporary password proves the address).
 *
 * When it is called: by the frontend after the user typed a new password,
 * either right after `POST /auth/login` answered the NEW_PASSWORD_REQUIRED
 * challenge (with its `session`), or directly with the emailed temporary
 * password (`POST /auth/new-password`).
 *
 * @param ports.signIn Cognito sign-in; @param ports.users the `Users` table
 * @param input.email the username (email); @param input.newPassword the new password
 * @param input.session the challenge session from login, or
 * @param input.temporaryPassword the temporary password from the email
 * @returns `{ tokens }` (ID, access and refresh tokens), or `{ challenge }` when
 *   Cognito asks for more (e.g. MFA setup).
 * @throws InvalidPasswordError (400) when the new password fails the policy;
 *   NotAuthorizedError (401) for a wrong temporary password or unknown email;
 *   InvalidSessionError (401) for a stale or foreign session;
 *   TemporaryPasswordExpiredError (401) when the temporary password expired;
 *   NewPasswordNotRequiredError (409) when the account has no pending challenge.
 */
export async function handleNewPasswordChallenge(
  ports: SignInPolicyPorts,
  input: NewPasswordInput,
): Promise<AuthOutcome> {
  const missing = passwordPolicyViolations(input.newPassword);
  if (missing.length > 0) throw new InvalidPasswordError(`newPassword needs ${missing.join(', ')}.`);

  let session: string;
  if ('session' in input) {
    session = input.session;
  } else {
    const login = await passwordSignInTiming.run(() =>
      ports.signIn.passwordLogin(input.email, input.temporaryPassword),
    );
    if (!('challenge' in login) || login.challenge.name !== 'NEW_PASSWORD_REQUIRED') {
      throw new NewPasswordNotRequiredError();
    }
    session = login.challenge.session;
  }

  const outcome = await admitSignIn(
    ports,
    'password',
    await ports.signIn.respondToNewPasswordChallenge({
      email: input.email,
      session,
      newPassword: input.newPassword,
    }),
  );
  await mirrorEmailConfirmed(ports.users, input.email);
  return presentOutcome(ports.signIn, input.email, outcome);
}
