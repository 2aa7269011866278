import * as z from 'zod/mini';
import { email, mfaCode, password, session } from '../core/http/schemas';
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
  respondToChallenge: {
    name: 'respondToChallenge',
    method: 'POST',
    path: '/auth/challenge',
    access: 'public',
    entry: 'auth/respond-to-challenge.ts',
    summary:
      'Answer a sign-in challenge (TOTP or SMS code, or a new password): tokens or the next challenge.',
    body: z.object({
      email: email(),
      session: session(),
      name: z.enum(['NEW_PASSWORD_REQUIRED', 'SOFTWARE_TOKEN_MFA', 'SMS_MFA']),
      code: z.optional(mfaCode()),
      newPassword: z.optional(password()),
    }),
    permissions: { tables: { users: ['Query', 'UpdateItem'] } },
  },
  refreshTokens: {
    name: 'refreshTokens',
    method: 'POST',
    path: '/auth/refresh',
    access: 'public',
    entry: 'auth/refresh-tokens.ts',
    summary: 'New ID and access tokens for a refresh token (REFRESH_TOKEN_AUTH, or rotation).',
    body: z.object({ refreshToken: z.string().check(z.minLength(20), z.maxLength(8192)) }),
    permissions: {},
  },
  signOut: {
    name: 'signOut',
    method: 'POST',
    path: '/auth/sign-out',
    access: 'user',
    entry: 'auth/sign-out.ts',
    summary: "Global sign-out: every refresh token dies; the caller's access tokens are refused from now on.",
    permissions: { tables: { users: ['GetItem', 'UpdateItem'] } },
  },
} as const satisfies Record<string, OperationDefinition>;
