import { adminCallerGate, clock, passkeyIndex, userStore } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { removeUserPasskey } from '../core/workflows/admin-users/remove-user-passkey';
import { ADMIN_USERS } from './operations';

/** DELETE /admin/users/{userId}/passkeys/{credentialId}: removeUserPasskey (core/workflows/admin-users/remove-user-passkey.ts); 204. */
export const handler = httpOperation(
  ADMIN_USERS.removeUserPasskey,
  { gate: adminCallerGate() },
  async ({ params, caller, correlationId }) => {
    await removeUserPasskey(
      { users: userStore(), index: passkeyIndex(), clock: clock() },
      { actor: caller, userId: params.userId, credentialId: params.credentialId, correlationId },
    );
    return { status: 204 };
  },
);
