import { adminCallerGate, adminUserPorts } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { setUserMfaPreference } from '../core/workflows/admin-users/set-user-mfa';
import { ADMIN_USERS } from './operations';

/** PUT /admin/users/{userId}/mfa: setUserMfaPreference (core/workflows/admin-users/set-user-mfa.ts). */
export const handler = httpOperation(
  ADMIN_USERS.setUserMfa,
  { gate: adminCallerGate() },
  async ({ params, body, caller, correlationId }) => ({
    status: 200,
    body: await setUserMfaPreference(adminUserPorts(), {
      actor: caller,
      userId: params.userId,
      correlationId,
      ...body,
    }),
  }),
);
