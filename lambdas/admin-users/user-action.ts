import { adminCallerGate, adminUserPorts } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { performUserAction } from '../core/workflows/admin-user-actions';
import { ADMIN_USERS } from './operations';

/** POST /admin/users/{userId}/{action}: performUserAction (core/workflows/admin-user-actions.ts). */
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
