import type { AuthOutcome } from '../../domain/tokens';
import type { SignIn } from '../../ports/sign-in';
import type { UserStore } from '../../ports/user-store';
import { asEmailOtp, requireEmailSender } from '../common/email-otp';
import { mirrorEmailConfirmed } from '../common/ladder-mirror';

/**
 * verifyPasswordless — `POST /auth/passwordless/verify`: RespondToAuthChallenge
 * with the code. Tokens; after a wrong code the next round with
 * `attemptsRemaining`; after the third `401 NOT_AUTHORIZED`. A code proves
 * the address, so the first passwordless sign-in moves the ladder like any
 * confirmed email (`emailVerified`).
 */
export async function verifyPasswordless(
  ports: { signIn: SignIn; users: UserStore; emailSender: boolean },
  input: { email: string; session: string; code: string },
): Promise<AuthOutcome> {
  requireEmailSender(ports.emailSender);
  const outcome = await ports.signIn.answerCustomChallenge({
    email: input.email,
    session: input.session,
    answer: input.code,
  });
  if ('tokens' in outcome) await mirrorEmailConfirmed(ports.users, input.email);
  return asEmailOtp(outcome, true);
}
