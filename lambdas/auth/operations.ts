import * as z from 'zod/mini';
import { email, password, session } from '../core/http/schemas';
import type { OperationDefinition } from '../core/operation-definition';

/** Operations of the auth area: the public sign-in routes. */
export const AUTH = {
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
} as const satisfies Record<string, OperationDefinition>;
