import { PasskeyRejectedError } from '../../domain/errors';
import { ranCrossOrigin } from '../../domain/webauthn';
import type { Passkeys } from '../../ports/passkeys';

/**
 * completePasskeyRegistration — `POST /me/passkeys`: Cognito
 * `CompleteWebAuthnRegistration` with the browser's credential, which Cognito
 * verifies against the challenge it handed out (PASSKEY_REJECTED otherwise).
 * Before Cognito sees it, the API refuses (WebAuthn Level 3, §7.1) a ceremony
 * run in a frame of another site (`crossOrigin: true`) and a credential id the
 * caller has registered already (ListWebAuthnCredentials with their token);
 * Cognito refuses one registered to anyone.
 */
export async function completePasskeyRegistration(
  ports: { passkeys: Passkeys },
  input: { accessToken: string; credential: Record<string, unknown> },
): Promise<void> {
  if (ranCrossOrigin(input.credential))
    throw new PasskeyRejectedError('The passkey ceremony ran in a frame of another site.');
  const registered = await ports.passkeys.list(input.accessToken);
  if (registered.some((passkey) => passkey.credentialId === input.credential.id))
    throw new PasskeyRejectedError('This passkey is registered already.');
  await ports.passkeys.completeRegistration(input.accessToken, input.credential);
}
