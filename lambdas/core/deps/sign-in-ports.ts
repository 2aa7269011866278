import { clock, passkeyIndex, passkeys, runsOnFakes, selfService, signIn, userStore } from '../deps';
import { TABLES } from '../tables';
import type { SignInPolicyPorts } from '../workflows/common/sign-in-policy';

/**
 * What every route that ends in tokens needs for the sign-in policy
 * (workflows/common/sign-in-policy.ts), from the composition root's factories.
 * Only the functions whose row grants the Passkeys table have its index (and
 * its environment variable): the policy needs it for passkey sign-ins and to
 * end an admin's hold.
 */
export const signInPolicyPorts = (): SignInPolicyPorts => ({
  signIn: signIn(),
  users: userStore(),
  selfService: selfService(),
  passkeys: passkeys(),
  ...(runsOnFakes() || process.env[TABLES.passkeys.envVar] ? { index: passkeyIndex() } : {}),
  clock: clock(),
});
