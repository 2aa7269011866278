import { adminCallerGate, adminUserPorts } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { performUserAction } from '../core/workflows/admin-users/user-action';
import { ADMIN_USERS } from './operations';

/** POST /admin/users/{userId}/{action}: performUserAction (core/workflows/admin-users/user-action.ts). */
export const handler = httpOperation(
  ADMIN_USERS.userAction,
  { gate: adminCallerGate() },
  async ({ params, caller, correlationId }) => ({
    status: 200,
    body: await performUserAction(adminUserPorts(), {
      actor: caller,
      userId: params.userId,
      action: params.action,
      correlationId,
    }),
  }),
);
