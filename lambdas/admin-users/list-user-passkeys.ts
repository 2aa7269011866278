import { adminCallerGate, passkeyIndex, userStore } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { listUserPasskeys } from '../core/workflows/admin-users/list-user-passkeys';
import { ADMIN_USERS } from './operations';

/** GET /admin/users/{userId}/passkeys: listUserPasskeys (core/workflows/admin-users/list-user-passkeys.ts). */
export const handler = httpOperation(
  ADMIN_USERS.listUserPasskeys,
  { gate: adminCallerGate() },
  async ({ params, caller, correlationId }) => ({
    status: 200,
    body: await listUserPasskeys(
      { users: userStore(), index: passkeyIndex() },
      { actor: caller, userId: params.userId, correlationId },
    ),
  }),
);
