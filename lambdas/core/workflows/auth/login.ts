import type { AuthOutcome } from '../../domain/tokens';
import type { Clock } from '../../ports/clock';
import type { SignIn } from '../../ports/sign-in';
import type { UserStore } from '../../ports/user-store';
import { recordMigratedUser } from '../common/migrated-record';
import { presentOutcome } from '../common/present-outcome';
import { passwordSignInTiming } from '../common/sign-in-timing';

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
