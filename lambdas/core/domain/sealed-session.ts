import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { normalizeEmail } from './email';

/**
 * Sign-in sessions the API hands out for USER_AUTH and passwordless codes are
 * sealed (AES-256-GCM): the client sees one opaque string whether the sign-in
 * runs under the account's own name or under its decoy (`decoyUsername`), and
 * the API learns back which name Cognito's session belongs to. A sealed
 * session cannot be read or altered without the deployment's key, and its
 * length is padded.
 */
export interface OpenedSession {
  /** Whether Cognito's session was started under the email's decoy name rather than the email. */
  decoy: boolean;
  /** Cognito's own session. */
  session: string;
}

const AAD = Buffer.from('sign-in session v1');
/** The sealed text is padded to a multiple of this, so a session's length tells nothing of whose it is. */
const BLOCK = 512;

/** The sealing key, derived from a deployment secret (the app client's secret). */
export function sealingKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'cognito-account-backend', 'sign-in session seal v1', 32));
}

export function sealSession(key: Buffer, opened: OpenedSession): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(AAD);
  const text = JSON.stringify([opened.decoy, opened.session]);
  const padded = text.padEnd(Math.ceil((text.length + 1) / BLOCK) * BLOCK, ' ');
  const body = Buffer.concat([cipher.update(padded), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The session inside `sealed`, or undefined when it is not one this key sealed (or was altered). */
export function openSession(key: Buffer, sealed: string): OpenedSession | undefined {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12)).setAAD(AAD);
    decipher.setAuthTag(raw.subarray(12, 28));
    const [decoy, session] = JSON.parse(
      Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'),
    ) as unknown[];
    return typeof decoy === 'boolean' && typeof session === 'string' ? { decoy, session } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A USERNAME no account has, the same for the same email: a UUID made from
 * its digest. Usernames in the pool are subs Cognito generates, so no caller
 * can make this name exist. A sign-in whose account Cognito would describe
 * before any factor (disabled, unconfirmed) runs under it instead, and gets
 * exactly what an unknown email gets.
 */
export function decoyUsername(email: string): string {
  const hex = createHash('sha256')
    .update(`decoy:${normalizeEmail(email)}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
