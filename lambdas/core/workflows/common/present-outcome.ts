import type { AuthOutcome } from '../../domain/tokens';
import { otpauthUri } from '../../domain/totp';
import type { SignIn } from '../../ports/sign-in';
import { TOTP_ISSUER } from './totp';

/**
 * What the client sees of Cognito's answer. An MFA_SETUP challenge (a pool
 * that requires MFA, for a user who has none) is useless bare: it is
 * answered with a code of a secret the user has not got yet. So it is
 * presented with that secret — Cognito `AssociateSoftwareToken` on the
 * challenge session — the `otpauth://` URI to scan, and the session
 * AssociateSoftwareToken handed back.
 */
export async function presentOutcome(
  signIn: SignIn,
  email: string,
  outcome: AuthOutcome,
): Promise<AuthOutcome> {
  if (!('challenge' in outcome) || outcome.challenge.name !== 'MFA_SETUP') return outcome;
  const { secretCode, session } = await signIn.startMfaSetup(outcome.challenge.session);
  return {
    challenge: {
      name: 'MFA_SETUP',
      session,
      secretCode,
      otpauthUri: otpauthUri(TOTP_ISSUER, email, secretCode),
    },
  };
}
