import { adminCallerGate, secretSource, userStore } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { listUsers } from '../core/workflows/admin-users/list-users';
import { ADMIN_USERS } from './operations';

/** GET /admin/users: listUsers (core/workflows/admin-users/list-users.ts). */
export const handler = httpOperation(
  ADMIN_USERS.listUsers,
  { gate: adminCallerGate() },
  async ({ query, caller, correlationId }) => ({
    status: 200,
    body: await listUsers(
      { users: userStore(), secrets: secretSource() },
      {
        actor: caller,
        correlationId,
        limit: query.limit === undefined ? 20 : Number(query.limit),
        ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
        ...(query.email !== undefined ? { email: query.email } : {}),
        ...(query.status !== undefined ? { status: query.status } : {}),
      },
    ),
  }),
);
