import { passkeys, userCallerGate } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { startPasskeyRegistration } from '../core/workflows/me/start-passkey-registration';
import { ME } from './operations';

/** POST /me/passkeys/options: startPasskeyRegistration (core/workflows/me/start-passkey-registration.ts). */
export const handler = httpOperation(
  ME.startPasskeyRegistration,
  { gate: userCallerGate() },
  async ({ accessToken }) => ({
    status: 200,
    body: await startPasskeyRegistration({ passkeys: passkeys() }, { accessToken }),
  }),
);
