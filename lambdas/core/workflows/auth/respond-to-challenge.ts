import type { AuthOutcome } from '../../domain/tokens';
import type { ChallengeAnswer, SignIn } from '../../ports/sign-in';
import type { UserStore } from '../../ports/user-store';
import { mirrorEmailConfirmed, mirrorTotpEnabledByEmail } from '../common/ladder-mirror';
import { presentOutcome } from '../common/present-outcome';

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
