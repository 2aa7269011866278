import type { AuthOutcome } from '../domain/tokens';
import { otpauthUri } from '../domain/totp';
import type { Clock } from '../ports/clock';
import type { ChallengeAnswer, SignIn } from '../ports/sign-in';
import type { UserStore } from '../ports/user-store';
import { mirrorEmailConfirmed, mirrorTotpEnabledByEmail } from './ladder-mirror';
import { recordMigratedUser } from './migrated-record';
import { passwordSignInTiming } from './sign-in-timing';
import { TOTP_ISSUER } from './totp-enrolment';

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

/**
 * login — `POST /auth/login`: USER_PASSWORD_AUTH (the flow that fires the
 * UserMigration trigger); tokens, or the challenge as `presentOutcome` shows
 * it. A migrated user's first tokens create their `Users` record. The answer
 * takes as long for an unknown email as for a known one (sign-in-timing.ts).
 */
export async function login(
  ports: { signIn: SignIn; users: UserStore; clock: Clock },
  input: { email: string; password: string },
): Promise<AuthOutcome> {
  const outcome = await passwordSignInTiming.run(() =>
    ports.signIn.passwordLogin(input.email, input.password),
  );
  if ('tokens' in outcome) await recordMigratedUser(ports, outcome.tokens);
  return presentOutcome(ports.signIn, input.email, outcome);
}

/**
 * answerChallenge — `POST /auth/challenge`: RespondToAuthChallenge, then the
 * ladder mirror of what the answer proved (a new password: the email; an
 * MFA_SETUP code: TOTP enabled), and the next challenge presented.
 */
export async function answerChallenge(
  ports: { signIn: SignIn; users: UserStore },
  input: ChallengeAnswer,
): Promise<AuthOutcome> {
  const outcome = await ports.signIn.respondToChallenge(input);
  if (input.name === 'NEW_PASSWORD_REQUIRED') await mirrorEmailConfirmed(ports.users, input.email);
  if (input.name === 'MFA_SETUP' && 'tokens' in outcome)
    await mirrorTotpEnabledByEmail(ports.users, input.email);
  return presentOutcome(ports.signIn, input.email, outcome);
}
