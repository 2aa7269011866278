import { readFileSync } from 'node:fs';
import { cognitoDeliveries, type EmulatorInfo } from '../../local/emulators';

/** The running emulators, as the global setup described them. */
export function emulators(): EmulatorInfo {
  return JSON.parse(readFileSync(process.env.EMULATOR_STATE_FILE as string, 'utf8')) as EmulatorInfo;
}

/** The newest code or temporary password cognito-local "sent" to `email` (its log is written asynchronously). */
export async function deliveredCode(email: string, previous?: string): Promise<string> {
  const deadline = Date.now() + 5000;
  const wanted = email.toLowerCase();
  while (Date.now() < deadline) {
    const code = cognitoDeliveries(emulators().cognitoLog)
      .filter((d) => d.destination === wanted)
      .at(-1)?.code;
    if (code && code !== previous) return code;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`cognito-local delivered nothing (new) to ${email}.`);
}

/** A unique email, since emulator state lives for the whole run. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.com`;
}
