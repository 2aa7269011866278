import * as z from 'zod/mini';
import { email } from '../core/http/schemas';
import type { OperationDefinition } from '../core/operation-definition';

/** Operations of the applications area (webhooks from the e-signature provider). */
export const APPLICATIONS = {
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
    success: { 201: 'The applicant was created', 200: 'A replayed delivery: nothing new' },
  },
} as const satisfies Record<string, OperationDefinition>;
