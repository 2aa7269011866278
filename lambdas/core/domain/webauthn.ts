/**
 * What the API itself reads of a browser's WebAuthn answer before Cognito
 * sees it: the collected client data (WebAuthn Level 3, §5.8.1).
 */
export interface ClientData {
  type?: unknown;
  origin?: unknown;
  crossOrigin?: unknown;
}

/** The credential's `response.clientDataJSON`, parsed; undefined when it is not JSON. */
export function clientDataOf(credential: Record<string, unknown>): ClientData | undefined {
  const response = credential.response as { clientDataJSON?: unknown } | undefined;
  try {
    const parsed = JSON.parse(Buffer.from(String(response?.clientDataJSON), 'base64url').toString('utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as ClientData) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A ceremony run inside a cross-origin frame (`crossOrigin: true`): refused,
 * at registration and sign-in (§7.1 step 10, §7.2 step 13: the relying party
 * does not expect to be embedded, so a frame of another site is not its own).
 */
export function ranCrossOrigin(credential: Record<string, unknown>): boolean {
  return clientDataOf(credential)?.crossOrigin === true;
}
