import type { User, UserRecord } from '../../domain/user';
import { type AdminRequest, type AdminUserPorts, adminView, known, recordOf } from '../common/admin-request';
import { auditEntry, audited } from '../common/audit';

/**
 * setUserMfaPreference — `PUT /admin/users/{userId}/mfa`:
 * AdminSetUserMFAPreference, then the record's `mfa`. It does not reset an
 * existing TOTP secret: enabling TOTP for a user who never verified an app
 * is refused (400 CODE_MISMATCH); turning it off keeps `required`, so a
 * required user is sent to enrollment again.
 */
export async function setUserMfaPreference(
  ports: AdminUserPorts,
  request: AdminRequest & { totp: boolean; sms: boolean },
): Promise<User> {
  return audited(auditEntry('setUserMfaPreference', request, request.userId), async () => {
    const record = await recordOf(ports.users, request.userId);
    await known(ports.accounts.setMfaPreference(request.userId, { totp: request.totp, sms: request.sms }));
    const method: UserRecord['mfa']['method'] = request.totp ? 'totp' : request.sms ? 'sms' : undefined;
    const mfa = {
      enabled: method !== undefined,
      required: record.mfa.required,
      ...(method ? { method } : {}),
    };
    return adminView(ports, request.userId, ports.users.setMfa(request.userId, mfa));
  });
}
