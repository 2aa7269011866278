import type { Caller } from '../../domain/tokens';
import { type Profile, toUser, type UserRecord } from '../../domain/user';
import { mirrorTotpEnabled } from '../common/ladder-mirror';
import type { TotpPorts } from '../common/totp';

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
