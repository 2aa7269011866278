import { PasskeyRejectedError } from '../../domain/errors';
import { ranCrossOrigin } from '../../domain/webauthn';
import type { Clock } from '../../ports/clock';
import type { PasskeyIndex } from '../../ports/passkey-index';
import type { Passkeys } from '../../ports/passkeys';

const REGISTERED = 'This passkey is registered already.';

/**
 * completePasskeyRegistration — `POST /me/passkeys`: Cognito
 * `CompleteWebAuthnRegistration` with the browser's credential, which Cognito
 * verifies against the challenge it handed out (PASSKEY_REJECTED otherwise).
 * Before Cognito sees it, the API refuses (WebAuthn Level 3, §7.1) a ceremony
 * run in a frame of another site (`crossOrigin: true`) and a credential id
 * registered already: the caller's (ListWebAuthnCredentials) or anyone's the
 * API's passkey index holds. Then the passkey is indexed for its owner; if
 * another account indexed the same id meanwhile, it is deleted again in
 * Cognito and refused.
 */
export async function completePasskeyRegistration(
  ports: { passkeys: Passkeys; index: PasskeyIndex; clock: Clock },
  input: { userId: string; accessToken: string; credential: Record<string, unknown> },
): Promise<void> {
  if (ranCrossOrigin(input.credential))
    throw new PasskeyRejectedError('The passkey ceremony ran in a frame of another site.');
  const credentialId = String(input.credential.id);
  const [registered, indexed] = await Promise.all([
    ports.passkeys.list(input.accessToken),
    ports.index.find(credentialId),
  ]);
  if (indexed || registered.some((passkey) => passkey.credentialId === credentialId))
    throw new PasskeyRejectedError(REGISTERED);
  await ports.passkeys.completeRegistration(input.accessToken, input.credential);
  const createdAt = ports.clock().toISOString();
  if (await ports.index.add({ credentialId, userId: input.userId, createdAt })) return;
  await ports.passkeys.remove(input.accessToken, credentialId);
  throw new PasskeyRejectedError(REGISTERED);
}
