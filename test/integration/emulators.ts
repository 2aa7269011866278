import { readFileSync } from 'node:fs';
import { cognitoTemporaryPassword, type EmulatorInfo } from '../../local/emulators';

/** The running emulators, as the global setup described them. */
export function emulators(): EmulatorInfo {
  return JSON.parse(readFileSync(process.env.EMULATOR_STATE_FILE as string, 'utf8')) as EmulatorInfo;
}

/** The temporary password cognito-local generated for `email` (other than `previous`). */
export async function deliveredCode(email: string, previous?: string): Promise<string> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const code = cognitoTemporaryPassword(emulators(), email);
    if (code && code !== previous) return code;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`cognito-local holds no (new) temporary password for ${email}.`);
}

/** A unique email, since emulator state lives for the whole run. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.com`;
}
