import type { Caller } from '../../domain/tokens';
import { otpauthUri } from '../../domain/totp';
import type { UserRecord } from '../../domain/user';
import { TOTP_ISSUER, type TotpPorts } from '../common/totp';

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
