import { clock, passkeyIndex, passkeys, userCallerGate } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { completePasskeyRegistration } from '../core/workflows/me/complete-passkey-registration';
import { ME } from './operations';

/** POST /me/passkeys: completePasskeyRegistration (core/workflows/me/complete-passkey-registration.ts). */
export const handler = httpOperation(
  ME.completePasskeyRegistration,
  { gate: userCallerGate() },
  async ({ body, caller, accessToken }) => {
    await completePasskeyRegistration(
      { passkeys: passkeys(), index: passkeyIndex(), clock: clock() },
      { userId: caller.sub, accessToken, credential: body.credential },
    );
    return { status: 204 };
  },
);
