import type { User } from '../../domain/user';
import { type AdminRequest, type AdminUserPorts, adminView, recordOf } from '../common/admin-request';
import { auditEntry, audited } from '../common/audit';

/** getUser — `GET /admin/users/{userId}`. */
export async function getUserForAdmin(ports: AdminUserPorts, request: AdminRequest): Promise<User> {
  const entry = auditEntry('getUser', request, request.userId);
  return audited(entry, async () => adminView(ports, request.userId, recordOf(ports.users, request.userId)));
}
