import type { Passkey } from '../../ports/passkeys';
import { type PasskeyIndexPorts, syncPasskeys } from '../common/passkey-index-sync';

/**
 * listPasskeys — `GET /me/passkeys`: the caller's passkeys
 * (ListWebAuthnCredentials), oldest first. On the way the API's passkey index
 * follows Cognito's list, and a passkey an admin removed is deleted in
 * Cognito and not shown (passkey-index-sync.ts).
 */
export async function listPasskeys(
  ports: PasskeyIndexPorts,
  input: { userId: string; accessToken: string },
): Promise<{ passkeys: Passkey[] }> {
  return { passkeys: await syncPasskeys(ports, input) };
}
