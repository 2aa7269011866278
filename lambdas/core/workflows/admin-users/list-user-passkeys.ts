import type { PasskeyIndex } from '../../ports/passkey-index';
import type { UserStore } from '../../ports/user-store';
import type { AdminRequest } from '../common/admin-request';
import { recordOf } from '../common/admin-request';
import { auditEntry, audited } from '../common/audit';

/** A passkey as an admin sees it: no key material, nothing the user's browser sent. */
export interface AdminPasskeyView {
  credentialId: string;
  createdAt: string;
  /** When an admin removed it (it is deleted in Cognito at its next use or the owner's next list). */
  removedAt?: string;
}

/**
 * listUserPasskeys — `GET /admin/users/{userId}/passkeys` (audited): the
 * user's passkeys from the API's passkey index, oldest first. Cognito has no
 * admin API for passkeys, so this is what the API has seen: every passkey
 * registered through it, and one registered straight at Cognito once the user
 * has listed their passkeys or signed in with it. 404 for an unknown user.
 */
export async function listUserPasskeys(
  ports: { users: UserStore; index: PasskeyIndex },
  request: AdminRequest,
): Promise<{ passkeys: AdminPasskeyView[] }> {
  return audited(auditEntry('listUserPasskeys', request, request.userId), async () => {
    const [, indexed] = await Promise.all([
      recordOf(ports.users, request.userId),
      ports.index.listOf(request.userId),
    ]);
    return {
      passkeys: indexed.map((p) => ({
        credentialId: p.credentialId,
        createdAt: p.createdAt,
        ...(p.removedAt ? { removedAt: p.removedAt } : {}),
      })),
    };
  });
}
