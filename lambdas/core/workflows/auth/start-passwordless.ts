import type { AuthOutcome } from '../../domain/tokens';
import type { SignIn } from '../../ports/sign-in';
import { asEmailOtp, requireEmailSender } from '../common/email-otp';

/**
 * startPasswordless — `POST /auth/passwordless/start`: InitiateAuth
 * CUSTOM_AUTH. The triggers mail a 6-digit code valid 3 minutes (at most 5
 * per address per 15 minutes); the answer is the same `EMAIL_OTP` challenge
 * for an unknown address, which gets no email.
 */
export async function startPasswordless(
  ports: { signIn: SignIn; emailSender: boolean },
  email: string,
): Promise<AuthOutcome> {
  requireEmailSender(ports.emailSender);
  return asEmailOtp(await ports.signIn.startCustomAuth(email), false);
}
