import * as z from 'zod/mini';
import { email } from '../core/http/schemas';
import type { OperationDefinition } from '../core/operation-definition';

/** Operations of the admins area: provisioning administrators. */
export const ADMINS = {
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
        'cognito-idp:AdminListGroupsForUser',
      ],
      tables: {
        users: ['PutItem', 'GetItem'],
        adminInfo: ['PutItem', 'GetItem'],
        reconciliations: ['PutItem', 'UpdateItem'],
        idempotency: ['PutItem'],
      },
    },
    success: { 201: '`{user, admin}`' },
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
      tables: { users: ['GetItem'] },
    },
    success: { 202: '`{message}`' },
  },
} as const satisfies Record<string, OperationDefinition>;
