import type { Passkeys } from '../../ports/passkeys';

/**
 * deletePasskey — `DELETE /me/passkeys/{credentialId}`: Cognito
 * `DeleteWebAuthnCredential`; only the caller's own passkeys (NOT_FOUND otherwise).
 */
export async function deletePasskey(
  ports: { passkeys: Passkeys },
  input: { accessToken: string; credentialId: string },
): Promise<void> {
  await ports.passkeys.remove(input.accessToken, input.credentialId);
}
