import { FeatureNotConfiguredError, NotAuthorizedError } from '../../domain/errors';
import {
  PASSWORDLESS_PROOFS,
  REFUSAL_MESSAGE,
  type SignInProof,
  signInVerdict,
} from '../../domain/sign-in-policy';
import { type AuthOutcome, unverifiedClaims } from '../../domain/tokens';
import { log } from '../../log';
import type { Clock } from '../../ports/clock';
import type { Passkeys } from '../../ports/passkeys';
import type { SelfService } from '../../ports/self-service';
import type { SignIn } from '../../ports/sign-in';
import type { UserStore } from '../../ports/user-store';

export interface SignInPolicyPorts {
  signIn: SignIn;
  users: UserStore;
  selfService: SelfService;
  passkeys: Passkeys;
  clock: Clock;
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
  presentedRefreshToken?: string,
): Promise<AuthOutcome> {
  if (!('tokens' in outcome)) return outcome;
  const { tokens } = outcome;
  const claims = unverifiedClaims(tokens.accessToken) ?? {};
  const sub = typeof claims.sub === 'string' ? claims.sub : undefined;
  const [record, cognito] = await Promise.all([
    sub ? ports.users.get(sub) : undefined,
    PASSWORDLESS_PROOFS.has(proof) ? ports.selfService.getUser(tokens.accessToken) : undefined,
  ]);
  const verdict = signInVerdict({
    proof,
    record,
    totpInCognito: cognito?.totpEnabled ?? false,
    authTime: claims.auth_time,
  });
  if (!verdict.admit) {
    const refreshToken = tokens.refreshToken ?? presentedRefreshToken;
    if (refreshToken) await ports.signIn.revoke(refreshToken);
    throw new NotAuthorizedError(REFUSAL_MESSAGE[verdict.reason]);
  }
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
    const before = (await ports.passkeys.list(accessToken).catch(noPasskeys)).filter(
      (passkey) => Date.parse(passkey.createdAt) < Date.parse(heldAt),
    );
    await Promise.all(before.map((passkey) => ports.passkeys.remove(accessToken, passkey.credentialId)));
    await ports.users.releaseFactorHold(userId, heldAt, ports.clock());
    log('info', 'factor hold released', { userId, passkeysRemoved: before.length });
  } catch (error) {
    log('error', 'factor hold not released', { userId, error: (error as Error).name });
  }
}

/** A pool without passkeys has none to remove. */
function noPasskeys(error: unknown): [] {
  if (error instanceof FeatureNotConfiguredError) return [];
  throw error;
}
