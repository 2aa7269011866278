import { NotAuthorizedError } from '../../domain/errors';
import { type AuthOutcome, USER_AUTH_STEPS } from '../../domain/tokens';
import type { RateLimiter } from '../../ports/rate-limiter';
import type { SelfService } from '../../ports/self-service';
import type { ChallengeAnswer, SignIn } from '../../ports/sign-in';
import type { UserStore } from '../../ports/user-store';
import { emailOtpAllowed } from '../common/enumeration-safe-send';
import { mirrorEmailConfirmed, mirrorTotpEnabledByEmail } from '../common/ladder-mirror';
import { presentOutcome } from '../common/present-outcome';
import { choiceSignInTiming } from '../common/sign-in-timing';

/**
 * answerChallenge — `POST /auth/challenge`: RespondToAuthChallenge, then the
 * ladder mirror of what the answer proved (a new password: the email; an
 * MFA_SETUP code: TOTP enabled), and the next challenge presented. USER_AUTH's
 * steps (a factor chosen, a password, an emailed code, a passkey) too.
 */
export async function answerChallenge(
  ports: { signIn: SignIn; users: UserStore; selfService: SelfService; rateLimiter: RateLimiter },
  input: ChallengeAnswer,
): Promise<AuthOutcome> {
  if (input.name === 'SELECT_CHALLENGE' && input.answer === 'EMAIL_OTP')
    await emailOtpAllowed(ports.rateLimiter, input.email);
  // USER_AUTH's answers take as long for an unknown email (sign-in-timing.ts).
  const outcome = USER_AUTH_STEPS.has(input.name)
    ? await choiceSignInTiming.run(async () =>
        refuseSingleFactorForMfa(ports, input, await ports.signIn.respondToChallenge(input)),
      )
    : await ports.signIn.respondToChallenge(input);
  if (input.name === 'NEW_PASSWORD_REQUIRED') await mirrorEmailConfirmed(ports.users, input.email);
  if (input.name === 'MFA_SETUP' && 'tokens' in outcome)
    await mirrorTotpEnabledByEmail(ports.users, input.email);
  return presentOutcome(ports.signIn, input.email, outcome);
}

/**
 * An emailed code or a passkey alone never signs in an account with MFA on —
 * by the `Users` record (on, or required by an admin) or by Cognito's own
 * settings (GetUser with the new token: TOTP enabled straight in Cognito
 * counts too). Cognito issues tokens for such a sign-in, so the API revokes
 * them and answers as for a failed one. Checked only after the factor was
 * right, so it tells nothing to whoever does not hold it. The password (then
 * the TOTP code) is that account's way in.
 */
async function refuseSingleFactorForMfa(
  ports: { signIn: SignIn; users: UserStore; selfService: SelfService },
  input: ChallengeAnswer,
  outcome: AuthOutcome,
): Promise<AuthOutcome> {
  if (!('tokens' in outcome) || (input.name !== 'EMAIL_OTP' && input.name !== 'WEB_AUTHN')) return outcome;
  const [record, cognito] = await Promise.all([
    ports.users.findByEmail(input.email),
    ports.selfService.getUser(outcome.tokens.accessToken),
  ]);
  if (!record?.mfa.enabled && !record?.mfa.required && !cognito.totpEnabled) return outcome;
  if (outcome.tokens.refreshToken) await ports.signIn.revoke(outcome.tokens.refreshToken);
  throw new NotAuthorizedError('This account signs in with its password and its second factor.');
}
