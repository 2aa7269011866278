import type { AuthOutcome } from '../../domain/tokens';
import type { SessionSeal } from '../../ports/session-seal';
import { asEmailOtp, requireEmailSender } from '../common/email-otp';
import { mirrorEmailConfirmed } from '../common/ladder-mirror';
import { answerMasked } from '../common/masked-sign-in';
import { admitSignIn, type SignInPolicyPorts } from '../common/sign-in-policy';

/**
 * verifyPasswordless — `POST /auth/passwordless/verify`: RespondToAuthChallenge
 * with the code. Tokens; after a wrong code the next round with
 * `attemptsRemaining`; after the third `401 NOT_AUTHORIZED`. A code proves
 * the address, so the first passwordless sign-in moves the ladder like any
 * confirmed email (`emailVerified`). Tokens pass the sign-in policy
 * (sign-in-policy.ts): a code alone never signs in an account with a second
 * factor, nor one an admin's action holds.
 */
export async function verifyPasswordless(
  ports: SignInPolicyPorts & { emailSender: boolean; seal: SessionSeal },
  input: { email: string; session: string; code: string },
): Promise<AuthOutcome> {
  requireEmailSender(ports.emailSender);
  const outcome = await admitSignIn(
    ports,
    'email-code',
    await answerMasked(ports.seal, input.email, input.session, (name, session) =>
      ports.signIn.answerCustomChallenge({ email: name, session, answer: input.code }),
    ),
  );
  if ('tokens' in outcome) await mirrorEmailConfirmed(ports.users, input.email);
  return asEmailOtp(outcome, true);
}
