import type { AuthOutcome, FirstFactor } from '../../domain/tokens';
import type { RateLimiter } from '../../ports/rate-limiter';
import type { SessionSeal } from '../../ports/session-seal';
import { emailOtpAllowed } from '../common/enumeration-safe-send';
import { startMasked } from '../common/masked-sign-in';
import { admitSignIn, type SignInPolicyPorts } from '../common/sign-in-policy';
import { choiceSignInTiming } from '../common/sign-in-timing';

/**
 * signIn — `POST /auth/sign-in`: USER_AUTH, Cognito's choice-based sign-in.
 * SELECT_CHALLENGE with the first factors on offer, or the preferred one's
 * challenge (an email code is mailed; a passkey's request options come with
 * it). An unknown, unconfirmed, disabled or suspended account gets the same
 * challenges, in the same time (masked-sign-in.ts, sign-in-timing.ts), and no
 * email; the session is sealed; emailed codes are limited per address
 * (`emailOtpAllowed`). With the `session` of a confirmed
 * sign-up (confirm-registration.ts): tokens, once, through the sign-in policy
 * (sign-in-policy.ts).
 */
export async function signInWithChoice(
  ports: SignInPolicyPorts & { rateLimiter: RateLimiter; seal: SessionSeal },
  input: { email: string; preferred?: FirstFactor; session?: string },
): Promise<AuthOutcome> {
  if (input.preferred === 'EMAIL_OTP' && !input.session)
    await emailOtpAllowed(ports.rateLimiter, input.email);
  const { session } = input;
  return choiceSignInTiming.run(async () =>
    session
      ? admitSignIn(
          ports,
          'sign-up-session',
          await ports.signIn.startUserAuth({ email: input.email, session }),
        )
      : startMasked(ports.seal, input.email, (name) =>
          ports.signIn.startUserAuth({
            email: name,
            ...(input.preferred ? { preferred: input.preferred } : {}),
          }),
        ),
  );
}
