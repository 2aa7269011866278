import { FeatureNotConfiguredError } from '../../domain/errors';
import type { AuthOutcome, Challenge } from '../../domain/tokens';

/**
 * Passwordless codes are emailed by the CreateAuthChallenge trigger through
 * SES; a deployment without a sender answers 501 NOT_CONFIGURED instead of
 * failing inside Cognito (a 500).
 */
export function requireEmailSender(configured: boolean): void {
  if (!configured) {
    throw new FeatureNotConfiguredError(
      'Passwordless sign-in is not configured on this deployment (it has no email sender).',
    );
  }
}

/** The API's face of a CUSTOM_CHALLENGE round: `EMAIL_OTP`, and after a wrong code the answers left. */
export function asEmailOtp(outcome: AuthOutcome, withAttempts: boolean): AuthOutcome {
  if (!('challenge' in outcome)) return outcome;
  const left = Number(outcome.challenge.parameters?.attemptsRemaining);
  const challenge: Challenge = {
    name: 'EMAIL_OTP',
    session: outcome.challenge.session,
    ...(withAttempts && Number.isFinite(left) ? { attemptsRemaining: left } : {}),
  };
  return { challenge };
}
