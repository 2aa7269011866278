import type { Passkeys } from '../../ports/passkeys';

/**
 * completePasskeyRegistration — `POST /me/passkeys`: Cognito
 * `CompleteWebAuthnRegistration` with the browser's credential, which Cognito
 * verifies against the challenge it handed out (PASSKEY_REJECTED otherwise).
 */
export async function completePasskeyRegistration(
  ports: { passkeys: Passkeys },
  input: { accessToken: string; credential: Record<string, unknown> },
): Promise<void> {
  await ports.passkeys.completeRegistration(input.accessToken, input.credential);
}
