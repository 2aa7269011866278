import type { UserStatus } from './onboarding';
import type { UserRecord } from './user';

/**
 * What a sign-in proved when Cognito hands out tokens:
 * - `password`: the password, and every challenge Cognito asked after it
 *   (a new password, a TOTP code, MFA_SETUP) — Cognito's own MFA rule ran;
 * - `email-code`, `passkey`, `sign-up-session`: one factor that is not the
 *   password (an emailed code on CUSTOM_AUTH or USER_AUTH, a passkey, the
 *   one-time session of a just-confirmed sign-up) — Cognito asks these for
 *   no second factor;
 * - `refresh`: a refresh token, i.e. a session that began earlier.
 */
export type SignInProof = 'password' | 'email-code' | 'passkey' | 'sign-up-session' | 'refresh';

/** Proofs that stand in for the password and would skip the account's second factor. */
export const PASSWORDLESS_PROOFS: ReadonlySet<SignInProof> = new Set<SignInProof>([
  'email-code',
  'passkey',
  'sign-up-session',
]);

/** The `Users` fields the rule reads. */
export type PolicyRecord = Pick<UserRecord, 'status' | 'mfa' | 'tokensValidAfter' | 'factorHold'>;

/**
 * The outcome of `signInVerdict`: admitted (`releaseHold`: a password sign-in
 * that ends an admin's hold on passwordless factors), or refused with its
 * reason, told only to whoever proved a factor.
 */
export type SignInVerdict =
  | { admit: true; releaseHold: boolean }
  | { admit: false; reason: 'locked' | 'revoked' | 'second-factor' | 'password-first' | 'passkey-removed' };

/** Statuses whose sign-ins are refused (and whose tokens every protected route refuses). */
export const LOCKED_OUT: ReadonlySet<UserStatus> = new Set<UserStatus>(['suspended', 'disabled']);

/** The message of each refusal (401 NOT_AUTHORIZED). */
export const REFUSAL_MESSAGE: Record<Exclude<SignInVerdict, { admit: true }>['reason'], string> = {
  locked: 'User is disabled.',
  revoked: 'This session has been ended; sign in again.',
  'second-factor': 'This account signs in with its password and its second factor.',
  'password-first':
    'An administrator reset how this account signs in: sign in with your password first (the passkeys registered before are then removed).',
  'passkey-removed': 'An administrator removed this passkey; sign in another way.',
};

/**
 * The one rule every route that ends in tokens applies (docs/security.md,
 * "Every sign-in path"): whether the factors proven are enough for this
 * account. `record` is the account's `Users` record (absent: an account the
 * API does not manage, which Cognito's own state governs); `totpInCognito`
 * is GetUser's word, asked for passwordless proofs only (TOTP enrolled
 * straight in Cognito counts); `authTime` is the session's `auth_time`
 * (seconds), which a refresh keeps.
 */
export function signInVerdict(input: {
  proof: SignInProof;
  record: PolicyRecord | undefined;
  totpInCognito: boolean;
  authTime: unknown;
  /** A passkey sign-in with a passkey an admin removed (the API's passkey index). */
  passkeyRemoved?: boolean;
}): SignInVerdict {
  const { proof, record } = input;
  if (record && LOCKED_OUT.has(record.status)) return { admit: false, reason: 'locked' };
  if (record?.tokensValidAfter) {
    const began = issuedRelativeTo(input.authTime, record.tokensValidAfter);
    // A refreshed session that began in the very second of a revocation cannot be told from one
    // that began before it: it is refused (signing in again is the cost). A new sign-in began now.
    if (began === 'before' || (proof === 'refresh' && began === 'same second'))
      return { admit: false, reason: 'revoked' };
  }
  if (proof === 'passkey' && input.passkeyRemoved) return { admit: false, reason: 'passkey-removed' };
  if (PASSWORDLESS_PROOFS.has(proof)) {
    if (record?.mfa.enabled || record?.mfa.required || input.totpInCognito)
      return { admit: false, reason: 'second-factor' };
    if (factorsHeld(record)) return { admit: false, reason: 'password-first' };
  }
  return { admit: true, releaseHold: proof === 'password' && factorsHeld(record) };
}

/** Whether an admin's action holds the account's passwordless factors (until a password sign-in). */
export function factorsHeld(record: Pick<UserRecord, 'factorHold'> | undefined): boolean {
  const hold = record?.factorHold;
  return hold !== undefined && (hold.releasedAt === undefined || hold.releasedAt < hold.heldAt);
}

/**
 * A token's `iat` or `auth_time` (whole seconds) against a revocation
 * instant (milliseconds): `before` its second, in `same second`, or `after`
 * (or no revocation).
 */
export function issuedRelativeTo(
  at: unknown,
  tokensValidAfter: string | undefined,
): 'before' | 'same second' | 'after' {
  const issuedAt = Number(at);
  if (!Number.isFinite(issuedAt)) return 'before';
  if (!tokensValidAfter) return 'after';
  const revokedSecond = Math.floor(Date.parse(tokensValidAfter) / 1000);
  if (issuedAt < revokedSecond) return 'before';
  return issuedAt === revokedSecond ? 'same second' : 'after';
}
