import { InvalidPasswordError, RecordExistsError, UserExistsError } from '../../domain/errors';
import { INITIAL_STATUS } from '../../domain/onboarding';
import { passwordPolicyViolations } from '../../domain/pool-policy';
import { signUpTicket } from '../../domain/sign-up-ticket';
import { newUserRecord } from '../../domain/user';
import { log } from '../../log';
import type { Clock } from '../../ports/clock';
import type { SecretSource } from '../../ports/secret-source';
import type { SelfService } from '../../ports/self-service';
import type { UserStore } from '../../ports/user-store';

/** The answer of a registration, the same for a fresh and a taken email (docs/api.md route 8). */
export interface Registered {
  userConfirmed: false;
  delivery: { medium: 'EMAIL'; destination: string };
}

/** `jane@example.com` -> `j***@e***`: derived from the submitted address only, as Cognito masks it. */
export function maskedDestination(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.charAt(0)}***@${domain.charAt(0)}***`;
}

/**
 * register — `POST /auth/register`: Cognito `SignUp` (an UNCONFIRMED user;
 * Cognito emails a 6-digit code), then the `Users` record
 * (`pending_verification`). **No enumeration**: a taken email answers exactly
 * like a fresh one — same status, body and masked destination (from the
 * submitted address), and one table read in place of the record write so the
 * timing stays within the noise. A weak password is refused first, for both.
 * The SignUp carries a ticket the PreSignUp trigger checks
 * (domain/sign-up-ticket.ts): sign-ups around this route are refused.
 */
export async function register(
  ports: { selfService: SelfService; users: UserStore; clock: Clock; secrets: SecretSource },
  input: { email: string; password: string; name?: string },
): Promise<Registered> {
  const missing = passwordPolicyViolations(input.password);
  if (missing.length > 0) throw new InvalidPasswordError(`password needs ${missing.join(', ')}.`);
  const answer: Registered = {
    userConfirmed: false,
    delivery: { medium: 'EMAIL', destination: maskedDestination(input.email) },
  };
  let userSub: string;
  let session: string | undefined;
  try {
    const ticket = signUpTicket(await ports.secrets.get('signUpTicket'), input.email, ports.clock());
    ({ userSub, session } = await ports.selfService.signUp({ ...input, ticket }));
  } catch (error) {
    if (!(error instanceof UserExistsError)) throw error;
    await ports.users.findByEmail(input.email); // levels the timing with the write below
    return answer;
  }
  try {
    await ports.users.create(
      newUserRecord({
        userId: userSub,
        email: input.email,
        status: INITIAL_STATUS.selfSignUp,
        // Kept for ConfirmSignUp (confirm-registration.ts), never served.
        ...(session ? { signUpSession: session } : {}),
        now: ports.clock(),
      }),
    );
  } catch (error) {
    // Confirmation writes a missing record, so a failure here converges there.
    if (!(error instanceof RecordExistsError))
      log('error', 'user record not written', { error: (error as Error).name });
  }
  return answer;
}
