import type { Passkeys } from '../../ports/passkeys';

/**
 * startPasskeyRegistration — `POST /me/passkeys/options`: Cognito
 * `StartWebAuthnRegistration` with the caller's access token; the creation
 * options go to `navigator.credentials.create()` as they are.
 */
export async function startPasskeyRegistration(
  ports: { passkeys: Passkeys },
  input: { accessToken: string },
): Promise<{ options: Record<string, unknown> }> {
  return { options: await ports.passkeys.startRegistration(input.accessToken) };
}
