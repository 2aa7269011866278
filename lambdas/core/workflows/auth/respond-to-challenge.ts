import type { SignInProof } from '../../domain/sign-in-policy';
import { type AuthOutcome, USER_AUTH_STEPS } from '../../domain/tokens';
import type { RateLimiter } from '../../ports/rate-limiter';
import type { SessionSeal } from '../../ports/session-seal';
import type { ChallengeAnswer } from '../../ports/sign-in';
import { emailOtpAllowed } from '../common/enumeration-safe-send';
import { mirrorEmailConfirmed, mirrorTotpEnabledByEmail } from '../common/ladder-mirror';
import { answerMasked } from '../common/masked-sign-in';
import { presentOutcome } from '../common/present-outcome';
import { admitSignIn, type SignInPolicyPorts } from '../common/sign-in-policy';
import { choiceSignInTiming } from '../common/sign-in-timing';

/**
 * answerChallenge — `POST /auth/challenge`: RespondToAuthChallenge, then the
 * ladder mirror of what the answer proved (a new password: the email; an
 * MFA_SETUP code: TOTP enabled), and the next challenge presented. USER_AUTH's
 * steps (a factor chosen, a password, an emailed code, a passkey) too.
 * Tokens pass the sign-in policy (sign-in-policy.ts): an emailed code or a
 * passkey alone never signs in an account with a second factor, and a
 * passkey an admin removed never signs in.
 */
export async function answerChallenge(
  ports: SignInPolicyPorts & { rateLimiter: RateLimiter; seal: SessionSeal },
  input: ChallengeAnswer,
): Promise<AuthOutcome> {
  if (input.name === 'SELECT_CHALLENGE' && input.answer === 'EMAIL_OTP')
    await emailOtpAllowed(ports.rateLimiter, input.email);
  // USER_AUTH's answers go on under the name their sealed session holds (masked-sign-in.ts), and
  // take as long for an unknown email (sign-in-timing.ts).
  const outcome = USER_AUTH_STEPS.has(input.name)
    ? await choiceSignInTiming.run(async () =>
        admitSignIn(
          ports,
          proofOf(input),
          await answerMasked(ports.seal, input.email, input.session, (name, session) =>
            ports.signIn.respondToChallenge({ ...input, email: name, session }),
          ),
          typeof input.credential?.id === 'string' ? { credentialId: input.credential.id } : {},
        ),
      )
    : await admitSignIn(ports, proofOf(input), await ports.signIn.respondToChallenge(input));
  if (input.name === 'NEW_PASSWORD_REQUIRED') await mirrorEmailConfirmed(ports.users, input.email);
  if (input.name === 'MFA_SETUP' && 'tokens' in outcome)
    await mirrorTotpEnabledByEmail(ports.users, input.email);
  return presentOutcome(ports.signIn, input.email, outcome);
}

/** What an answer proves when it ends in tokens (a password, then whatever Cognito asked after it, counts as the password). */
function proofOf(input: ChallengeAnswer): SignInProof {
  const factor = input.name === 'SELECT_CHALLENGE' ? input.answer : input.name;
  if (factor === 'EMAIL_OTP') return 'email-code';
  if (factor === 'WEB_AUTHN') return 'passkey';
  return 'password';
}
