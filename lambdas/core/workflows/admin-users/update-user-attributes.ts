import { ADMIN_GROUP } from '../../domain/pool-policy';
import type { User } from '../../domain/user';
import type { ProfilePatch } from '../../ports/user-store';
import {
  type AdminRequest,
  type AdminUserPorts,
  adminView,
  assertNotSelf,
  known,
  recordOf,
} from '../common/admin-request';
import { auditEntry, audited } from '../common/audit';

/** The attributes an admin may change, and the record field each mirrors to. */
export const ADMIN_WRITABLE_ATTRIBUTES = {
  name: 'name',
  'custom:role': 'role',
  'custom:organizationId': 'organizationId',
} as const satisfies Record<string, keyof ProfilePatch>;

export type AdminAttributes = Partial<Record<keyof typeof ADMIN_WRITABLE_ATTRIBUTES, string>>;

/**
 * updateUserAttributes — `PATCH /admin/users/{userId}/attributes`: the
 * allow-list only (the schema refuses every other name). `custom:role: user`
 * on an admin demotes them (out of the `admin` group); never one's own
 * account. Cognito first (AdminUpdateUserAttributes), then the record.
 */
export async function updateUserAttributes(
  ports: AdminUserPorts,
  request: AdminRequest & { attributes: AdminAttributes },
): Promise<User> {
  return audited(auditEntry('updateUserAttributes', request, request.userId), async () => {
    const record = await recordOf(ports.users, request.userId);
    const demotes = record.role === 'admin' && request.attributes['custom:role'] === 'user';
    if (demotes) assertNotSelf(request);
    await known(
      ports.accounts.updateAttributes(request.userId, request.attributes as Record<string, string>),
    );
    if (demotes) await known(ports.directory.removeUserFromGroup(request.userId, ADMIN_GROUP));
    const patch: ProfilePatch = {};
    for (const [attribute, field] of Object.entries(ADMIN_WRITABLE_ATTRIBUTES)) {
      const value = request.attributes[attribute as keyof AdminAttributes];
      if (value !== undefined) Object.assign(patch, { [field]: value });
    }
    return adminView(ports, request.userId, ports.users.update(request.userId, patch));
  });
}
