import type { Passkey, Passkeys } from '../../ports/passkeys';

/** listPasskeys — `GET /me/passkeys`: Cognito `ListWebAuthnCredentials`, every page. */
export async function listPasskeys(
  ports: { passkeys: Passkeys },
  input: { accessToken: string },
): Promise<{ passkeys: Passkey[] }> {
  return { passkeys: await ports.passkeys.list(input.accessToken) };
}
