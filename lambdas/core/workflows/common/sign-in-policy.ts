import { ConfigurationError, FeatureNotConfiguredError, NotAuthorizedError } from '../../domain/errors';
import {
  PASSWORDLESS_PROOFS,
  REFUSAL_MESSAGE,
  type SignInProof,
  signInVerdict,
} from '../../domain/sign-in-policy';
import { type AuthOutcome, unverifiedClaims } from '../../domain/tokens';
import { log } from '../../log';
import type { Clock } from '../../ports/clock';
import type { PasskeyIndex } from '../../ports/passkey-index';
import type { Passkeys } from '../../ports/passkeys';
import type { SelfService } from '../../ports/self-service';
import type { SignIn } from '../../ports/sign-in';
import type { UserStore } from '../../ports/user-store';
import { removeEverywhere, syncPasskeys } from './passkey-index-sync';

export interface SignInPolicyPorts {
  signIn: SignIn;
  users: UserStore;
  selfService: SelfService;
  passkeys: Passkeys;
  /** The API's passkey index: needed for passkey sign-ins and to end an admin's hold. */
  index?: PasskeyIndex;
  clock: Clock;
}

/** What the route knows beside the outcome: the refresh token it was given, the passkey that answered. */
export interface Presented {
  refreshToken?: string;
  credentialId?: string;
}

/**
 * admitSignIn — the one place every route that ends in tokens passes
 * (login, new password, every challenge, USER_AUTH's sign-up session,
 * passwordless verify, refresh). Challenges go through untouched. Tokens are
 * weighed by `signInVerdict` (core/domain/sign-in-policy.ts) against the
 * account's `Users` record — read by the token's `sub` — and, for a factor
 * that is not the password, Cognito's own MFA settings (GetUser with the new
 * token). A refusal revokes the tokens Cognito issued (RevokeToken) and is
 * 401 NOT_AUTHORIZED; it is told only to whoever proved a factor. A password
 * sign-in after an admin's hold removes the passkeys registered before it and
 * ends the hold.
 */
export async function admitSignIn(
  ports: SignInPolicyPorts,
  proof: SignInProof,
  outcome: AuthOutcome,
  presented: Presented = {},
): Promise<AuthOutcome> {
  if (!('tokens' in outcome)) return outcome;
  const { tokens } = outcome;
  const claims = unverifiedClaims(tokens.accessToken) ?? {};
  const sub = typeof claims.sub === 'string' ? claims.sub : undefined;
  const { credentialId } = presented;
  const { index } = ports;
  if (proof === 'passkey' && !index) throw new ConfigurationError('This function has no passkey index.');
  const [record, cognito, passkey] = await Promise.all([
    sub ? ports.users.get(sub) : undefined,
    PASSWORDLESS_PROOFS.has(proof) ? ports.selfService.getUser(tokens.accessToken) : undefined,
    proof === 'passkey' && credentialId ? index?.find(credentialId) : undefined,
  ]);
  const verdict = signInVerdict({
    proof,
    record,
    totpInCognito: cognito?.totpEnabled ?? false,
    authTime: claims.auth_time,
    passkeyRemoved: passkey?.removedAt !== undefined,
  });
  if (!verdict.admit) {
    // A removed passkey dies at its first use: this is the owner's token, which Cognito's delete needs.
    if (verdict.reason === 'passkey-removed' && credentialId && index)
      await removeEverywhere({ passkeys: ports.passkeys, index }, tokens.accessToken, credentialId);
    const refreshToken = tokens.refreshToken ?? presented.refreshToken;
    if (refreshToken) await ports.signIn.revoke(refreshToken);
    throw new NotAuthorizedError(REFUSAL_MESSAGE[verdict.reason]);
  }
  if (proof === 'passkey' && credentialId && sub && !passkey)
    await index?.add({ credentialId, userId: sub, createdAt: ports.clock().toISOString() });
  if (verdict.releaseHold && sub && record?.factorHold)
    await releaseHold(ports, sub, record.factorHold.heldAt, tokens.accessToken);
  return outcome;
}

/**
 * The passkeys registered before the hold are removed (with the user's new
 * token: Cognito has no admin API for passkeys), then the hold ends. Best
 * effort: if it fails, the hold stays and the next password sign-in repeats it.
 */
async function releaseHold(
  ports: SignInPolicyPorts,
  userId: string,
  heldAt: string,
  accessToken: string,
): Promise<void> {
  try {
    if (!ports.index) throw new ConfigurationError('This function has no passkey index.');
    await syncPasskeys(
      { ...ports, index: ports.index },
      {
        userId,
        accessToken,
        alsoRemove: (passkey) => Date.parse(passkey.createdAt) < Date.parse(heldAt),
      },
    ).catch((error: unknown) => {
      // A pool without passkeys has none to remove.
      if (!(error instanceof FeatureNotConfiguredError)) throw error;
    });
    await ports.users.releaseFactorHold(userId, heldAt, ports.clock());
    log('info', 'factor hold released', { userId });
  } catch (error) {
    log('error', 'factor hold not released', { userId, error: (error as Error).name });
  }
}
