import type { PasskeyIndex } from '../../ports/passkey-index';
import type { Passkeys } from '../../ports/passkeys';

/**
 * deletePasskey — `DELETE /me/passkeys/{credentialId}`: Cognito
 * `DeleteWebAuthnCredential` (404 NOT_FOUND for an id the caller does not
 * have), then the API's passkey index forgets it.
 */
export async function deletePasskey(
  ports: { passkeys: Passkeys; index: PasskeyIndex },
  input: { accessToken: string; credentialId: string },
): Promise<void> {
  await ports.passkeys.remove(input.accessToken, input.credentialId);
  await ports.index.forget(input.credentialId);
}
