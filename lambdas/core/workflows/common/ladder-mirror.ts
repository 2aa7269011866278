import { InvalidTransitionError } from '../../domain/errors';
import { nextStatus } from '../../domain/onboarding';
import type { UserRecord } from '../../domain/user';
import { log } from '../../log';
import type { UserStore } from '../../ports/user-store';

// Cognito is the source of truth for passwords and MFA; the `Users` mirror
// must not undo a change that already happened there, so a failed mirror
// write is logged loudly instead of failing the request. Each mirror is
// idempotent: the user's retry of the step (or the next step) converges it.

/** The email is proven (sign-up code, or the first password after an invite): `pending_verification -> pending_approval`. */
export async function mirrorEmailConfirmed(users: UserStore, email: string): Promise<void> {
  try {
    const record = await users.findByEmail(email);
    if (record?.status !== 'pending_verification') return;
    const to = nextStatus(record.status, 'emailConfirmed');
    await users.transition(record.userId, record.status, to, { emailVerified: true });
  } catch (error) {
    if (error instanceof InvalidTransitionError) return; // a concurrent request moved it already
    log('error', 'onboarding mirror failed', { step: 'emailConfirmed', error: (error as Error).name });
  }
}

/**
 * TOTP is verified and enabled in Cognito: `mfa` on, and `pending_mfa -> pending_subscription`
 * — one conditional write for a record last seen in `pending_mfa`, the `mfa` write alone when
 * that record has moved meanwhile (or was elsewhere on the ladder).
 */
export async function mirrorTotpEnabled(users: UserStore, current: UserRecord): Promise<UserRecord> {
  const mfa: UserRecord['mfa'] = { ...current.mfa, enabled: true, method: 'totp' };
  if (current.status === 'pending_mfa') {
    try {
      return await users.transition(
        current.userId,
        'pending_mfa',
        nextStatus('pending_mfa', 'totpEnrolled'),
        {
          mfa,
        },
      );
    } catch (error) {
      if (!(error instanceof InvalidTransitionError)) throw error;
      log('warn', 'onboarding mirror failed', { step: 'totpEnrolled', error: error.name });
    }
  }
  return users.setMfa(current.userId, mfa);
}

/** As `mirrorTotpEnabled`, for a sign-in that only knows the email (MFA_SETUP answered). */
export async function mirrorTotpEnabledByEmail(users: UserStore, email: string): Promise<void> {
  try {
    const record = await users.findByEmail(email);
    if (record) await mirrorTotpEnabled(users, record);
  } catch (error) {
    log('error', 'onboarding mirror failed', { step: 'totpEnrolled', error: (error as Error).name });
  }
}
