import { adminCallerGate, adminUserPorts } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { getUserForAdmin } from '../core/workflows/admin-users/get-user';
import { ADMIN_USERS } from './operations';

/** GET /admin/users/{userId}: the User with Cognito's state; unknown id 404 (core/workflows/admin-users/get-user.ts). */
export const handler = httpOperation(
  ADMIN_USERS.getUser,
  { gate: adminCallerGate() },
  async ({ params, caller, correlationId }) => ({
    status: 200,
    body: await getUserForAdmin(adminUserPorts(), { actor: caller, userId: params.userId, correlationId }),
  }),
);
