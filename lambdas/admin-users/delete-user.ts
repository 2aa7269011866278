import { adminCallerGate, deletionPorts } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { deleteUser } from '../core/workflows/admin-users/delete-user';
import { ADMIN_USERS } from './operations';

/** DELETE /admin/users/{userId}: deleteUser (core/workflows/admin-users/delete-user.ts); 204, again 204. */
export const handler = httpOperation(
  ADMIN_USERS.deleteUser,
  { gate: adminCallerGate() },
  async ({ params, caller, correlationId, remainingMs }) => {
    await deleteUser(deletionPorts(remainingMs), { actor: caller, userId: params.userId, correlationId });
    return { status: 204 };
  },
);
