import * as z from 'zod/mini';
import { email, password, session } from './core/http/schemas';
import type { OperationDefinition } from './core/operation-definition';

/**
 * THE operation registry. One row per operation; the stack builds one
 * function, route and IAM policy per row, the local server routes to the same
 * handlers, and docs/routes.md is generated from it.
 */
export const OPERATIONS = {
  createCognitoUser: {
    name: 'createCognitoUser',
    method: 'POST',
    path: '/applications',
    access: 'webhook',
    entry: 'applications/create-cognito-user.ts',
    summary: 'Application submitted (signed webhook): create the applicant in Cognito and the User record.',
    body: z.object({ email: email(), name: z.optional(z.string().check(z.trim(), z.maxLength(200))) }),
    permissions: {
      cognito: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminGetUser'],
      tables: { users: ['GetItem', 'PutItem'] },
      secrets: ['applicationWebhook'],
    },
  },
  handleNewPasswordChallenge: {
    name: 'handleNewPasswordChallenge',
    method: 'POST',
    path: '/auth/new-password',
    access: 'public',
    entry: 'auth/handle-new-password-challenge.ts',
    summary: 'Answer NEW_PASSWORD_REQUIRED with the temporary password or a login session.',
    body: z.union([
      z.object({ email: email(), session: session(), newPassword: password() }),
      z.object({ email: email(), temporaryPassword: password(), newPassword: password() }),
    ]),
    permissions: { tables: { users: ['Query', 'UpdateItem'] } },
  },
  resendTemporaryPassword: {
    name: 'resendTemporaryPassword',
    method: 'POST',
    path: '/auth/temporary-password/resend',
    access: 'public',
    entry: 'auth/resend-temporary-password.ts',
    summary: 'Email a new temporary password (AdminCreateUser RESEND); same answer for every email.',
    body: z.object({ email: email() }),
    permissions: { cognito: ['cognito-idp:AdminCreateUser'], tables: { rateLimits: ['UpdateItem'] } },
  },
  login: {
    name: 'login',
    method: 'POST',
    path: '/auth/login',
    access: 'public',
    entry: 'auth/login.ts',
    summary: 'USER_PASSWORD_AUTH: tokens, or the challenge to answer.',
    body: z.object({ email: email(), password: password() }),
    permissions: {},
  },
  getProfile: {
    name: 'getProfile',
    method: 'GET',
    path: '/me',
    access: 'user',
    entry: 'me/get-profile.ts',
    summary: "The caller's profile: their User record and groups.",
    permissions: { tables: { users: ['GetItem'] } },
  },
  provisionNewAdmin: {
    name: 'provisionNewAdmin',
    method: 'POST',
    path: '/admins',
    access: 'admin',
    entry: 'admins/provision-new-admin.ts',
    summary: 'Create an admin in Cognito (group admin) and the User + AdminInfo records, all or nothing.',
    body: z.object({ email: email() }),
    permissions: {
      cognito: [
        'cognito-idp:AdminCreateUser',
        'cognito-idp:AdminAddUserToGroup',
        'cognito-idp:AdminDeleteUser',
        'cognito-idp:AdminGetUser',
      ],
      tables: {
        users: ['PutItem', 'GetItem'],
        adminInfo: ['PutItem', 'GetItem'],
        reconciliations: ['PutItem'],
      },
    },
  },
  resendAdminInvite: {
    name: 'resendAdminInvite',
    method: 'POST',
    path: '/admins/resend-invite',
    access: 'admin',
    entry: 'admins/resend-admin-invite.ts',
    summary: 'Email a new admin invitation (AdminCreateUser RESEND) to an admin who has not signed in yet.',
    body: z.object({ email: email() }),
    permissions: {
      cognito: [
        'cognito-idp:AdminCreateUser',
        'cognito-idp:AdminGetUser',
        'cognito-idp:AdminListGroupsForUser',
      ],
    },
  },
} as const satisfies Record<string, OperationDefinition>;

export type OperationName = keyof typeof OPERATIONS;

/** The registry as a list, in declaration order. */
export const OPERATION_LIST: readonly OperationDefinition[] = Object.values(OPERATIONS);
