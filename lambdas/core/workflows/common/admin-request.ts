import { CannotTargetSelfError, NotFoundError, UserNotFoundError } from '../../domain/errors';
import type { Caller } from '../../domain/tokens';
import { toUser, type User, type UserRecord } from '../../domain/user';
import type { AccountAdmin } from '../../ports/account-admin';
import type { Clock } from '../../ports/clock';
import type { UserDirectory } from '../../ports/user-directory';
import type { UserStore } from '../../ports/user-store';

export interface AdminUserPorts {
  users: UserStore;
  directory: UserDirectory;
  accounts: AccountAdmin;
  clock: Clock;
}

/** Who asks, for the audit line and the self-target rule. */
export interface AdminRequest {
  actor: Caller;
  userId: string;
  correlationId: string;
}

/** The record, or 404 NOT_FOUND. */
export async function recordOf(users: UserStore, userId: string): Promise<UserRecord> {
  const record = await users.get(userId);
  if (!record) throw new NotFoundError('No such user.');
  return record;
}

/**
 * The admin's view of a user: the record plus Cognito's state (AdminGetUser:
 * status, enabled, MFA). AdminGetUser runs beside `record` (a read or the
 * action's last record write), one round trip for both: call it after the
 * action's last Cognito write.
 */
export async function adminView(
  ports: AdminUserPorts,
  userId: string,
  record: Promise<UserRecord>,
): Promise<User> {
  const [current, account] = await Promise.all([record, ports.directory.getUser(userId)]);
  return viewOf(current, account);
}

function viewOf(record: UserRecord, account: Awaited<ReturnType<UserDirectory['getUser']>>): User {
  return account
    ? toUser(record, {
        status: account.status,
        enabled: account.enabled,
        ...(account.mfa ? { mfa: account.mfa } : {}),
      })
    : // No Cognito user (deleted outside the API: `npm run reconcile` lists it): not a live account.
      { ...toUser(record), enabled: false };
}

/** Refuses an action an admin may not aim at their own account. */
export function assertNotSelf(request: AdminRequest): void {
  if (request.actor.sub === request.userId) throw new CannotTargetSelfError();
}

/**
 * The caller gate's record, then AdminUserGlobalSignOut: every token the user
 * holds stops working at once (the record first: the API refuses the access
 * tokens even if Cognito's call fails; repeating the action repeats both).
 * The same write holds the account's passkeys and emailed codes until the
 * user signs in with the password (record 0052): an intruder's passkey does
 * not outlive the admin's response.
 */
export async function revokeEverything(ports: AdminUserPorts, userId: string): Promise<void> {
  await ports.users.revokeTokens(userId, ports.clock(), { holdFactors: true });
  await known(ports.accounts.globalSignOut(userId));
}

/** A Cognito call on a user the table knows: Cognito not knowing them is 404 as well. */
export async function known<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof UserNotFoundError) throw new NotFoundError('No such user.');
    throw error;
  }
}
