import { adminCallerGate, adminUserPorts } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { setUserPassword } from '../core/workflows/admin-users/set-user-password';
import { ADMIN_USERS } from './operations';

/** PUT /admin/users/{userId}/password: setUserPassword (core/workflows/admin-users/set-user-password.ts). */
export const handler = httpOperation(
  ADMIN_USERS.setUserPassword,
  { gate: adminCallerGate() },
  async ({ params, body, caller, correlationId }) => ({
    status: 200,
    body: await setUserPassword(adminUserPorts(), {
      actor: caller,
      userId: params.userId,
      correlationId,
      ...body,
    }),
  }),
);
