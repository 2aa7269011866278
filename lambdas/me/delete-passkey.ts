import { passkeyIndex, passkeys, userCallerGate } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { deletePasskey } from '../core/workflows/me/delete-passkey';
import { ME } from './operations';

/** DELETE /me/passkeys/{credentialId}: deletePasskey (core/workflows/me/delete-passkey.ts); 204. */
export const handler = httpOperation(
  ME.deletePasskey,
  { gate: userCallerGate() },
  async ({ params, accessToken }) => {
    await deletePasskey(
      { passkeys: passkeys(), index: passkeyIndex() },
      { accessToken, credentialId: params.credentialId },
    );
    return { status: 204 };
  },
);
