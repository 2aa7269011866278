import { normalizeEmail } from '../../domain/email';
import {
  InvalidSessionError,
  NotAuthorizedError,
  PasswordResetRequiredError,
  UserNotConfirmedError,
} from '../../domain/errors';
import { decoyUsername } from '../../domain/sealed-session';
import { type AuthOutcome, type ChallengeName, USER_AUTH_STEPS } from '../../domain/tokens';
import type { SessionSeal } from '../../ports/session-seal';

/** Challenges whose sessions the API seals: USER_AUTH's steps and the passwordless code. */
const SEALED: ReadonlySet<ChallengeName> = new Set<ChallengeName>([...USER_AUTH_STEPS, 'CUSTOM_CHALLENGE']);

/**
 * Starts a sign-in that has not asked for a factor yet (USER_AUTH,
 * CUSTOM_AUTH) so that nothing tells whether the email has an account or in
 * what state: where Cognito refuses at once (a disabled or suspended account
 * is "User is disabled.", an unconfirmed one UserNotConfirmedException), the
 * sign-in starts again under the email's decoy name (`decoyUsername`) and
 * answers exactly what an unknown email gets. The session handed out is
 * sealed with the name it runs under (`presented`), so the answer goes on
 * under the same name. The state is told only after a right factor
 * (sign-in-policy.ts).
 */
export async function startMasked(
  seal: SessionSeal,
  email: string,
  start: (name: string) => Promise<AuthOutcome>,
): Promise<AuthOutcome> {
  try {
    return await presented(seal, false, await start(normalizeEmail(email)));
  } catch (error) {
    if (!tellsState(error)) throw error;
    return presented(seal, true, await start(decoyUsername(email)));
  }
}

/**
 * Answers a challenge of a masked sign-in under the name its sealed session
 * says (the email, or its decoy). A session this deployment did not seal is
 * InvalidSessionError; one of another email is refused by Cognito as a
 * session of another user.
 */
export async function answerMasked(
  seal: SessionSeal,
  email: string,
  sealed: string,
  answer: (name: string, session: string) => Promise<AuthOutcome>,
): Promise<AuthOutcome> {
  const opened = await seal.open(sealed);
  if (!opened) throw new InvalidSessionError();
  const name = opened.decoy ? decoyUsername(email) : normalizeEmail(email);
  return presented(seal, opened.decoy, await answer(name, opened.session));
}

/**
 * What the client sees of a masked challenge: the session sealed, and a
 * passkey request without the account's credential ids (`allowCredentials`
 * empty for everyone: registration requires discoverable credentials, so the
 * browser finds the passkey itself).
 */
async function presented(seal: SessionSeal, decoy: boolean, outcome: AuthOutcome): Promise<AuthOutcome> {
  if (!('challenge' in outcome) || !SEALED.has(outcome.challenge.name)) return outcome;
  const { challenge } = outcome;
  const options = challenge.credentialRequestOptions;
  return {
    challenge: {
      ...challenge,
      session: await seal.seal({ decoy, session: challenge.session }),
      ...(options ? { credentialRequestOptions: { ...options, allowCredentials: [] } } : {}),
    },
  };
}

/** Cognito's refusals before any factor that would tell an account's state. */
function tellsState(error: unknown): boolean {
  return (
    error instanceof NotAuthorizedError ||
    error instanceof UserNotConfirmedError ||
    error instanceof PasswordResetRequiredError
  );
}
