import { adminCallerGate, adminUserPorts } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { updateUserAttributes } from '../core/workflows/admin-users/update-user-attributes';
import { ADMIN_USERS } from './operations';

/** PATCH /admin/users/{userId}/attributes: updateUserAttributes (core/workflows/admin-users/update-user-attributes.ts). */
export const handler = httpOperation(
  ADMIN_USERS.updateUserAttributes,
  { gate: adminCallerGate() },
  async ({ params, body, caller, correlationId }) => ({
    status: 200,
    body: await updateUserAttributes(adminUserPorts(), {
      actor: caller,
      userId: params.userId,
      correlationId,
      attributes: body.attributes,
    }),
  }),
);
