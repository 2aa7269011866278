import { MfaRequiredError } from '../../domain/errors';
import type { Caller } from '../../domain/tokens';
import type { UserRecord } from '../../domain/user';
import type { TotpPorts } from '../common/totp';

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
