import type { AuthOutcome } from '../../domain/tokens';
import type { SessionSeal } from '../../ports/session-seal';
import type { SignIn } from '../../ports/sign-in';
import { asEmailOtp, requireEmailSender } from '../common/email-otp';
import { startMasked } from '../common/masked-sign-in';
import { passwordlessTiming } from '../common/sign-in-timing';

/**
 * startPasswordless — `POST /auth/passwordless/start`: InitiateAuth
 * CUSTOM_AUTH. The triggers mail a 6-digit code valid 3 minutes (at most 5
 * per address per 15 minutes); the answer is the same `EMAIL_OTP` challenge,
 * in the same time, for an unknown, unconfirmed, disabled or suspended
 * account, which gets no email (masked-sign-in.ts; the session is sealed).
 */
export async function startPasswordless(
  ports: { signIn: SignIn; emailSender: boolean; seal: SessionSeal },
  email: string,
): Promise<AuthOutcome> {
  requireEmailSender(ports.emailSender);
  const outcome = await passwordlessTiming.run(() =>
    startMasked(ports.seal, email, (name) => ports.signIn.startCustomAuth(name)),
  );
  return asEmailOtp(outcome, false);
}
