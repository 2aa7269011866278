import { InvalidTransitionError } from '../../domain/errors';
import { nextStatus, type OnboardingEvent } from '../../domain/onboarding';
import type { User, UserRecord } from '../../domain/user';
import {
  type AdminRequest,
  type AdminUserPorts,
  adminView,
  assertNotSelf,
  known,
  recordOf,
  revokeEverything,
} from '../common/admin-request';
import { auditEntry, audited } from '../common/audit';

export const ADMIN_ACTIONS = [
  'approve',
  'reject',
  'suspend',
  'disable',
  'enable',
  'reset-password',
  'require-mfa',
  'sign-out',
] as const;

export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/** The ladder event of each action that moves the onboarding status. */
const LADDER: Partial<Record<AdminAction, OnboardingEvent>> = {
  approve: 'adminApproved',
  reject: 'adminRejected',
  suspend: 'adminSuspended',
  disable: 'adminDisabled',
  enable: 'adminEnabled',
};

/** Actions after which every token the user holds is revoked. */
const REVOKES: ReadonlySet<AdminAction> = new Set<AdminAction>([
  'suspend',
  'disable',
  'reset-password',
  'sign-out',
]);

/** Actions an admin may not aim at their own account (409 CANNOT_TARGET_SELF). */
const NOT_ON_SELF: ReadonlySet<AdminAction> = new Set<AdminAction>(['suspend', 'disable']);

/**
 * performUserAction — `POST /admin/users/{userId}/{action}`. The ladder
 * decides first (a refused move is 409 INVALID_TRANSITION before any Cognito
 * call); then Cognito; then the record, so a failed record write is repaired
 * by repeating the action (every Cognito step is idempotent):
 * - `approve` / `reject`: the ladder only (an approved user who already has
 *   TOTP, e.g. from MFA_SETUP, goes on to `pending_subscription`);
 * - `suspend` / `disable`: AdminDisableUser, AdminUserGlobalSignOut, the
 *   status, and the gate's `tokensValidAfter` — the user's held tokens stop
 *   working at once; `enable`: AdminEnableUser and the status before;
 * - `reset-password`: AdminResetUserPassword (Cognito emails a code; the
 *   user must reset) and every token revoked;
 * - `require-mfa`: `mfa.required`; a user with TOTP keeps it on (and may not
 *   disable it), one without is held at enrollment by the caller gate
 *   (403 MFA_ENROLLMENT_REQUIRED) until they enroll;
 * - `sign-out`: AdminUserGlobalSignOut and the gate's record.
 */
export async function performUserAction(
  ports: AdminUserPorts,
  request: AdminRequest & { action: AdminAction },
): Promise<User> {
  const entry = auditEntry(`user:${request.action}`, request, request.userId);
  return audited(entry, async () => {
    if (NOT_ON_SELF.has(request.action)) assertNotSelf(request);
    const record = await recordOf(ports.users, request.userId);
    const event = LADDER[request.action];
    const to = event ? nextStatus(record.status, event, record.previousStatus) : undefined;
    const updated = await cognitoSide(ports, request, record);
    // The record's move and the revocation (which changes no state AdminGetUser shows) run beside
    // the view's Cognito read.
    return adminView(ports, request.userId, recordSide(ports, request, updated, to));
  });
}

async function cognitoSide(
  ports: AdminUserPorts,
  request: AdminRequest & { action: AdminAction },
  record: UserRecord,
): Promise<UserRecord> {
  const { userId } = request;
  switch (request.action) {
    case 'suspend':
    case 'disable':
      await known(ports.directory.setEnabled(userId, false));
      return record;
    case 'enable':
      await known(ports.directory.setEnabled(userId, true));
      return record;
    case 'reset-password':
      await known(ports.accounts.resetPassword(userId));
      return record;
    case 'require-mfa':
      if (record.mfa.enabled && record.mfa.method === 'totp')
        await known(ports.accounts.setMfaPreference(userId, { totp: true, sms: false }));
      return ports.users.setMfa(userId, { ...record.mfa, required: true });
    default:
      return record;
  }
}

async function recordSide(
  ports: AdminUserPorts,
  request: AdminRequest & { action: AdminAction },
  updated: UserRecord,
  to: UserRecord['status'] | undefined,
): Promise<UserRecord> {
  const final = to ? await move(ports, updated, to) : updated;
  if (REVOKES.has(request.action)) await revokeEverything(ports, request.userId);
  return final;
}

/** The status move, remembering where a suspension or disable came from. */
async function move(
  ports: AdminUserPorts,
  record: UserRecord,
  to: UserRecord['status'],
): Promise<UserRecord> {
  const locking = to === 'suspended' || to === 'disabled';
  const remembered =
    record.status === 'suspended' || record.status === 'disabled' ? record.previousStatus : record.status;
  let moved = await ports.users.transition(
    record.userId,
    record.status,
    to,
    locking && remembered ? { previousStatus: remembered } : {},
  );
  if (to === 'pending_mfa' && moved.mfa.enabled) {
    moved = await ports.users
      .transition(moved.userId, 'pending_mfa', nextStatus('pending_mfa', 'totpEnrolled'))
      .catch((error: unknown) => {
        if (error instanceof InvalidTransitionError) return moved;
        throw error;
      });
  }
  return moved;
}
