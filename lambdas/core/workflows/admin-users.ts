import { openCursor, sealCursor } from '../domain/cursor';
import { normalizeEmail } from '../domain/email';
import { CannotTargetSelfError, NotFoundError, UserNotFoundError } from '../domain/errors';
import { ADMIN_GROUP } from '../domain/pool-policy';
import type { Caller } from '../domain/tokens';
import { toUser, type User, type UserRecord } from '../domain/user';
import type { AccountAdmin } from '../ports/account-admin';
import type { Clock } from '../ports/clock';
import type { SecretSource } from '../ports/secret-source';
import type { UserDirectory } from '../ports/user-directory';
import type { ProfilePatch, UserStore } from '../ports/user-store';
import { auditEntry, audited } from './audit';

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

/**
 * listUsers — `GET /admin/users`: a page of the `Users` table (`limit` 1-60),
 * or the one record of `email` (exact, case-insensitive, through the email
 * index). `nextCursor` is sealed with the query it pages (core/domain/cursor.ts).
 */
export async function listUsers(
  ports: { users: UserStore; secrets: SecretSource },
  input: { limit: number; cursor?: string; email?: string; actor: Caller; correlationId: string },
): Promise<{ users: User[]; nextCursor?: string }> {
  const entry = auditEntry('listUsers', input, input.email ?? '*');
  return audited(entry, () => pageOfUsers(ports, input));
}

async function pageOfUsers(
  ports: { users: UserStore; secrets: SecretSource },
  input: { limit: number; cursor?: string; email?: string },
): Promise<{ users: User[]; nextCursor?: string }> {
  const query = input.email === undefined ? 'all' : `email:${normalizeEmail(input.email)}`;
  const key = await ports.secrets.get('listCursor');
  const after = input.cursor === undefined ? undefined : openCursor(key, input.cursor, query).after;
  if (input.email !== undefined) {
    const record = after === undefined ? await ports.users.findByEmail(input.email) : undefined;
    return { users: record ? [toUser(record)] : [] };
  }
  const page = await ports.users.list({ limit: input.limit, ...(after ? { after } : {}) });
  return {
    users: page.records.map((record) => toUser(record)),
    ...(page.last ? { nextCursor: sealCursor(key, { after: page.last, query }) } : {}),
  };
}

/** The record, or 404 NOT_FOUND. */
export async function recordOf(users: UserStore, userId: string): Promise<UserRecord> {
  const record = await users.get(userId);
  if (!record) throw new NotFoundError('No such user.');
  return record;
}

/** The admin's view of a user: the record plus Cognito's state (AdminGetUser: status, enabled, MFA). */
export async function adminView(ports: AdminUserPorts, record: UserRecord): Promise<User> {
  const account = await ports.directory.getUser(record.userId);
  return account
    ? toUser(record, {
        status: account.status,
        enabled: account.enabled,
        ...(account.mfa ? { mfa: account.mfa } : {}),
      })
    : // No Cognito user (deleted outside the API: `npm run reconcile` lists it): not a live account.
      { ...toUser(record), enabled: false };
}

/** getUser — `GET /admin/users/{userId}`. */
export async function getUserForAdmin(ports: AdminUserPorts, request: AdminRequest): Promise<User> {
  const entry = auditEntry('getUser', request, request.userId);
  return audited(entry, async () => adminView(ports, await recordOf(ports.users, request.userId)));
}

/** Refuses an action an admin may not aim at their own account. */
export function assertNotSelf(request: AdminRequest): void {
  if (request.actor.sub === request.userId) throw new CannotTargetSelfError();
}

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
    return adminView(ports, await recordOf(ports.users, request.userId));
  });
}

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
    return adminView(ports, await ports.users.update(request.userId, patch));
  });
}

/**
 * setUserMfaPreference — `PUT /admin/users/{userId}/mfa`:
 * AdminSetUserMFAPreference, then the record's `mfa`. It does not reset an
 * existing TOTP secret: enabling TOTP for a user who never verified an app
 * is refused (400 CODE_MISMATCH); turning it off keeps `required`, so a
 * required user is sent to enrolment again.
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
    return adminView(ports, await ports.users.setMfa(request.userId, mfa));
  });
}

/**
 * The caller gate's record, then AdminUserGlobalSignOut: every token the user
 * holds stops working at once (the record first: the API refuses the access
 * tokens even if Cognito's call fails; repeating the action repeats both).
 */
export async function revokeEverything(ports: AdminUserPorts, userId: string): Promise<void> {
  await ports.users.revokeTokens(userId, ports.clock());
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
