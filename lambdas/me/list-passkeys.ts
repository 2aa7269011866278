import { passkeyIndex, passkeys, userCallerGate } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { listPasskeys } from '../core/workflows/me/list-passkeys';
import { ME } from './operations';

/** GET /me/passkeys: listPasskeys (core/workflows/me/list-passkeys.ts). */
export const handler = httpOperation(
  ME.listPasskeys,
  { gate: userCallerGate() },
  async ({ caller, accessToken }) => ({
    status: 200,
    body: await listPasskeys(
      { passkeys: passkeys(), index: passkeyIndex() },
      { userId: caller.sub, accessToken },
    ),
  }),
);
