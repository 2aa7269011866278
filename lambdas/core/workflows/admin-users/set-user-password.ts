import type { User } from '../../domain/user';
import {
  type AdminRequest,
  type AdminUserPorts,
  adminView,
  known,
  recordOf,
  revokeEverything,
} from '../common/admin-request';
import { auditEntry, audited } from '../common/audit';

/**
 * setUserPassword — `PUT /admin/users/{userId}/password`: AdminSetUserPassword
 * (permanent, or temporary: FORCE_CHANGE_PASSWORD), then every token the user
 * holds is revoked (AdminUserGlobalSignOut and the caller gate's record): a
 * password an admin sets is a fresh start.
 */
export async function setUserPassword(
  ports: AdminUserPorts,
  request: AdminRequest & { password: string; permanent: boolean },
): Promise<User> {
  return audited(auditEntry('setUserPassword', request, request.userId), async () => {
    await recordOf(ports.users, request.userId);
    await known(ports.accounts.setPassword(request.userId, request.password, request.permanent));
    await revokeEverything(ports, request.userId);
    return adminView(ports, request.userId, recordOf(ports.users, request.userId));
  });
}
