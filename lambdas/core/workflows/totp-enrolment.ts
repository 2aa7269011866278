import { MfaRequiredError } from '../domain/errors';
import { BRAND } from '../domain/messages';
import type { Caller } from '../domain/tokens';
import { otpauthUri } from '../domain/totp';
import { type Profile, toUser, type UserRecord } from '../domain/user';
import type { SelfService } from '../ports/self-service';
import type { UserStore } from '../ports/user-store';
import { mirrorTotpEnabled } from './ladder-mirror';

export interface TotpPorts {
  selfService: SelfService;
  users: UserStore;
}

/** The issuer authenticator apps show beside the account. */
export const TOTP_ISSUER = BRAND;

// Each step takes the caller's `Users` record as the caller gate read it.

/**
 * startTotpEnrollment — `POST /me/mfa/totp`: Cognito `AssociateSoftwareToken`
 * gives a new secret; the answer carries it and the `otpauth://` URI to scan.
 * Nothing is enabled until the user proves the app with a code.
 */
export async function startTotpEnrollment(
  ports: TotpPorts,
  input: { caller: Caller; record: UserRecord; accessToken: string },
): Promise<{ secretCode: string; otpauthUri: string }> {
  const { record } = input;
  const { secretCode } = await ports.selfService.associateSoftwareToken(input.accessToken);
  return { secretCode, otpauthUri: otpauthUri(TOTP_ISSUER, record.email, secretCode) };
}

/**
 * verifyTotpEnrollment — `POST /me/mfa/totp/verify`: `VerifySoftwareToken`
 * with the code, then `SetUserMFAPreference` (TOTP enabled and preferred):
 * without the second call Cognito would never ask for the code at sign-in.
 * Then the `Users` record: `mfa` TOTP on, and the ladder
 * `pending_mfa -> pending_subscription`. A retry after a failed record write
 * converges: the code of the next step verifies again and the write repeats.
 */
export async function verifyTotpEnrollment(
  ports: TotpPorts,
  input: { caller: Caller; record: UserRecord; accessToken: string; code: string },
): Promise<Profile> {
  await ports.selfService.verifySoftwareToken(input.accessToken, input.code);
  await ports.selfService.setTotpPreference(input.accessToken, true);
  const record = await mirrorTotpEnabled(ports.users, input.record);
  return { ...toUser(record), groups: input.caller.groups };
}

/**
 * disableMfa — `DELETE /me/mfa`: refused with `409 MFA_REQUIRED` while an
 * admin requires MFA for the user; else `SetUserMFAPreference` TOTP off and
 * the record's `mfa` cleared.
 */
export async function disableMfa(
  ports: TotpPorts,
  input: { caller: Caller; record: UserRecord; accessToken: string },
): Promise<void> {
  const { record } = input;
  if (record.mfa.required) throw new MfaRequiredError();
  await ports.selfService.setTotpPreference(input.accessToken, false);
  await ports.users.setMfa(record.userId, { enabled: false, required: false });
}
