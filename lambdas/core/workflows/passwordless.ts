import { FeatureNotConfiguredError } from '../domain/errors';
import type { AuthOutcome, Challenge } from '../domain/tokens';
import type { SignIn } from '../ports/sign-in';
import type { UserStore } from '../ports/user-store';
import { mirrorEmailConfirmed } from './ladder-mirror';

/**
 * Passwordless codes are emailed by the CreateAuthChallenge trigger through
 * SES; a deployment without a sender answers 501 NOT_CONFIGURED instead of
 * failing inside Cognito (a 500).
 */
function requireEmailSender(configured: boolean): void {
  if (!configured) {
    throw new FeatureNotConfiguredError(
      'Passwordless sign-in is not configured on this deployment (it has no email sender).',
    );
  }
}

/** The API's face of a CUSTOM_CHALLENGE round: `EMAIL_OTP`, and after a wrong code the answers left. */
function asEmailOtp(outcome: AuthOutcome, withAttempts: boolean): AuthOutcome {
  if (!('challenge' in outcome)) return outcome;
  const left = Number(outcome.challenge.parameters?.attemptsRemaining);
  const challenge: Challenge = {
    name: 'EMAIL_OTP',
    session: outcome.challenge.session,
    ...(withAttempts && Number.isFinite(left) ? { attemptsRemaining: left } : {}),
  };
  return { challenge };
}

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
