import type { AuthOutcome } from '../../domain/tokens';
import { recordMigratedUser } from '../common/migrated-record';
import { presentOutcome } from '../common/present-outcome';
import { admitSignIn, type SignInPolicyPorts } from '../common/sign-in-policy';
import { passwordSignInTiming } from '../common/sign-in-timing';

/**
 * login — `POST /auth/login`: USER_PASSWORD_AUTH (the flow that fires the
 * UserMigration trigger); tokens, or the challenge as `presentOutcome` shows
 * it. A migrated user's first tokens create their `Users` record. The answer
 * takes as long for an unknown email as for a known one (sign-in-timing.ts).
 * Tokens pass the sign-in policy (sign-in-policy.ts).
 */
export async function login(
  ports: SignInPolicyPorts,
  input: { email: string; password: string },
): Promise<AuthOutcome> {
  const outcome = await admitSignIn(
    ports,
    'password',
    await passwordSignInTiming.run(() => ports.signIn.passwordLogin(input.email, input.password)),
  );
  if ('tokens' in outcome) await recordMigratedUser(ports, outcome.tokens);
  return presentOutcome(ports.signIn, input.email, outcome);
}
