import * as z from 'zod/mini';
import { USER_STATUSES } from '../core/domain/onboarding';
import { GATE_PERMISSIONS } from '../core/http/caller-gate';
import { credentialId, email, password } from '../core/http/schemas';
import type { OperationDefinition } from '../core/operation-definition';
import { ADMIN_ACTIONS } from '../core/workflows/admin-users/user-action';

/** A Cognito username (the `sub`, a UUID with email sign-in): the `{userId}` path parameter. */
const userId = () => z.string().check(z.regex(/^[A-Za-z0-9-]{1,128}$/, 'must be a user id'));
const params = () => z.object({ userId: userId() });

/** What the admin gate reads, beside each row's own actions. */
const GATE = GATE_PERMISSIONS.admin.cognito;

/** Operations of the admin-users area: administrators on other people's accounts. */
export const ADMIN_USERS = {
  listUsers: {
    name: 'listUsers',
    method: 'GET',
    path: '/admin/users',
    access: 'admin',
    entry: 'admin-users/list-users.ts',
    summary:
      'A page of users, newest first (limit 1-60, opaque cursor), of one onboarding status (the approval queue: status=pending_approval) or all; or the user of one email.',
    query: z.object({
      limit: z.optional(z.string().check(z.regex(/^([1-9]|[1-5]\d|60)$/, 'must be 1-60'))),
      cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
      email: z.optional(email()),
      status: z.optional(z.enum(USER_STATUSES)),
    }),
    permissions: {
      cognito: [...GATE],
      // Pages through the status index and looks up by the email index (Query): no Scan.
      tables: { users: ['GetItem', 'Query'] },
      secrets: ['listCursor'],
    },
    success: { 200: '`{users: [User], nextCursor?}`' },
  },
  getUser: {
    name: 'getUser',
    method: 'GET',
    path: '/admin/users/{userId}',
    access: 'admin',
    entry: 'admin-users/get-user.ts',
    summary: 'A user with Cognito state (status, enabled, MFA).',
    params: params(),
    permissions: { cognito: [...GATE], tables: { users: ['GetItem'] } },
    success: { 200: "`User` with Cognito's view" },
  },
  userAction: {
    name: 'userAction',
    method: 'POST',
    path: '/admin/users/{userId}/{action}',
    access: 'admin',
    entry: 'admin-users/user-action.ts',
    summary: 'approve, reject, suspend, disable, enable, reset-password, require-mfa or sign-out a user.',
    params: z.object({ userId: userId(), action: z.enum(ADMIN_ACTIONS) }),
    permissions: {
      cognito: [
        ...GATE,
        'cognito-idp:AdminDisableUser',
        'cognito-idp:AdminEnableUser',
        'cognito-idp:AdminUserGlobalSignOut',
        'cognito-idp:AdminResetUserPassword',
        'cognito-idp:AdminSetUserMFAPreference',
      ],
      tables: { users: ['GetItem', 'UpdateItem'] },
    },
    success: { 200: '`User`' },
  },
  setUserPassword: {
    name: 'setUserPassword',
    method: 'PUT',
    path: '/admin/users/{userId}/password',
    access: 'admin',
    entry: 'admin-users/set-user-password.ts',
    summary: "Set a user's password (permanent or temporary); every token they hold is revoked.",
    params: params(),
    body: z.object({ password: password(), permanent: z.boolean() }),
    permissions: {
      cognito: [...GATE, 'cognito-idp:AdminSetUserPassword', 'cognito-idp:AdminUserGlobalSignOut'],
      tables: { users: ['GetItem', 'UpdateItem'] },
    },
    success: { 200: '`User`' },
  },
  updateUserAttributes: {
    name: 'updateUserAttributes',
    method: 'PATCH',
    path: '/admin/users/{userId}/attributes',
    access: 'admin',
    entry: 'admin-users/update-user-attributes.ts',
    summary: 'Change name, custom:role (user only: demotion) or custom:organizationId, in Cognito and Users.',
    params: params(),
    body: z.object({
      attributes: z.strictObject({
        name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
        'custom:role': z.optional(z.enum(['user'], 'must be "user": admins are made with POST /admins')),
        'custom:organizationId': z.optional(
          z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id')),
        ),
      }),
    }),
    permissions: {
      cognito: [...GATE, 'cognito-idp:AdminUpdateUserAttributes', 'cognito-idp:AdminRemoveUserFromGroup'],
      tables: { users: ['GetItem', 'UpdateItem'] },
    },
    success: { 200: '`User`' },
  },
  setUserMfa: {
    name: 'setUserMfa',
    method: 'PUT',
    path: '/admin/users/{userId}/mfa',
    access: 'admin',
    entry: 'admin-users/set-user-mfa.ts',
    summary: "A user's MFA preference (AdminSetUserMFAPreference; an existing TOTP secret is kept).",
    params: params(),
    body: z.object({ totp: z.boolean(), sms: z.boolean() }),
    permissions: {
      cognito: [...GATE, 'cognito-idp:AdminSetUserMFAPreference'],
      tables: { users: ['GetItem', 'UpdateItem'] },
    },
    success: { 200: '`User`' },
  },
  deleteUser: {
    name: 'deleteUser',
    method: 'DELETE',
    path: '/admin/users/{userId}',
    access: 'admin',
    entry: 'admin-users/delete-user.ts',
    summary:
      'Delete a user from Cognito, Users and AdminInfo (a forward-recovering saga); 204, also when gone.',
    params: params(),
    permissions: {
      cognito: [...GATE, 'cognito-idp:AdminDisableUser', 'cognito-idp:AdminDeleteUser'],
      tables: {
        users: ['GetItem', 'UpdateItem', 'DeleteItem'],
        adminInfo: ['DeleteItem'],
        usernames: ['DeleteItem'],
        reconciliations: ['PutItem', 'UpdateItem'],
      },
    },
    success: { 204: 'Deleted from Cognito and the tables' },
  },
  listUserPasskeys: {
    name: 'listUserPasskeys',
    method: 'GET',
    path: '/admin/users/{userId}/passkeys',
    access: 'admin',
    entry: 'admin-users/list-user-passkeys.ts',
    summary:
      "A user's passkeys as the API's passkey index knows them (Cognito has no admin API for passkeys), with any an admin removed; audited.",
    params: params(),
    permissions: { cognito: [...GATE], tables: { users: ['GetItem'], passkeys: ['Query'] } },
    success: { 200: '`{passkeys: [{credentialId, createdAt, removedAt?}]}`' },
  },
  removeUserPasskey: {
    name: 'removeUserPasskey',
    method: 'DELETE',
    path: '/admin/users/{userId}/passkeys/{credentialId}',
    access: 'admin',
    entry: 'admin-users/remove-user-passkey.ts',
    summary:
      "Remove one of a user's passkeys: refused at sign-in from now on, deleted in Cognito at its next use or the owner's next list; audited.",
    params: z.object({ userId: userId(), credentialId: credentialId() }),
    permissions: { cognito: [...GATE], tables: { users: ['GetItem'], passkeys: ['UpdateItem'] } },
    success: { 204: 'Removed' },
  },
} as const satisfies Record<string, OperationDefinition>;
