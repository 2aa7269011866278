import type { AuthOutcome, FirstFactor } from '../../domain/tokens';
import type { SignIn } from '../../ports/sign-in';
import { choiceSignInTiming } from '../common/sign-in-timing';

/**
 * signIn — `POST /auth/sign-in`: USER_AUTH, Cognito's choice-based sign-in.
 * SELECT_CHALLENGE with the first factors on offer, or the preferred one's
 * challenge (an email code is mailed; a passkey's request options come with
 * it). An unknown email gets the same challenges, in the same time
 * (sign-in-timing.ts), and no email. With the `session` of a confirmed
 * sign-up (confirm-registration.ts): tokens, once.
 */
export async function signInWithChoice(
  ports: { signIn: SignIn },
  input: { email: string; preferred?: FirstFactor; session?: string },
): Promise<AuthOutcome> {
  return choiceSignInTiming.run(() => ports.signIn.startUserAuth(input));
}
