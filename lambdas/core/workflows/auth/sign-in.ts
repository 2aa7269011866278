import type { AuthOutcome, FirstFactor } from '../../domain/tokens';
import type { RateLimiter } from '../../ports/rate-limiter';
import { emailOtpAllowed } from '../common/enumeration-safe-send';
import { admitSignIn, type SignInPolicyPorts } from '../common/sign-in-policy';
import { choiceSignInTiming } from '../common/sign-in-timing';

/**
 * signIn — `POST /auth/sign-in`: USER_AUTH, Cognito's choice-based sign-in.
 * SELECT_CHALLENGE with the first factors on offer, or the preferred one's
 * challenge (an email code is mailed; a passkey's request options come with
 * it). An unknown email gets the same challenges, in the same time
 * (sign-in-timing.ts), and no email; emailed codes are limited per address
 * (`emailOtpAllowed`). With the `session` of a confirmed
 * sign-up (confirm-registration.ts): tokens, once, through the sign-in policy
 * (sign-in-policy.ts).
 */
export async function signInWithChoice(
  ports: SignInPolicyPorts & { rateLimiter: RateLimiter },
  input: { email: string; preferred?: FirstFactor; session?: string },
): Promise<AuthOutcome> {
  if (input.preferred === 'EMAIL_OTP' && !input.session)
    await emailOtpAllowed(ports.rateLimiter, input.email);
  return choiceSignInTiming.run(async () =>
    admitSignIn(ports, 'sign-up-session', await ports.signIn.startUserAuth(input)),
  );
}
