import type { Clock } from '../../ports/clock';
import type { PasskeyIndex } from '../../ports/passkey-index';
import type { UserStore } from '../../ports/user-store';
import { type AdminRequest, recordOf } from '../common/admin-request';
import { auditEntry, audited } from '../common/audit';

/**
 * removeUserPasskey — `DELETE /admin/users/{userId}/passkeys/{credentialId}`
 * (audited). Cognito has no admin API to delete a passkey, so the API marks
 * it removed in its passkey index: from then on a sign-in with it is refused
 * (after the passkey is checked, and it is then deleted in Cognito with the
 * tokens of that very sign-in), and the owner's next `GET /me/passkeys`
 * deletes it in Cognito too (record 0052). 404 for an unknown user or a
 * passkey the index does not hold for them; repeating it is harmless.
 */
export async function removeUserPasskey(
  ports: { users: UserStore; index: PasskeyIndex; clock: Clock },
  request: AdminRequest & { credentialId: string },
): Promise<void> {
  await audited(auditEntry('removeUserPasskey', request, request.userId), async () => {
    // One round trip: the mark is conditional on the owner, so it never touches another's passkey.
    await Promise.all([
      recordOf(ports.users, request.userId),
      ports.index.markRemoved(request.userId, request.credentialId, request.actor.sub, ports.clock()),
    ]);
  });
}
