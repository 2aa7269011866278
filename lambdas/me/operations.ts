import type { OperationDefinition } from '../core/operation-definition';

/** Operations of the me area: the signed-in user's own account. */
export const ME = {
  getProfile: {
    name: 'getProfile',
    method: 'GET',
    path: '/me',
    access: 'user',
    entry: 'me/get-profile.ts',
    summary: "The caller's profile: their User record and groups.",
    permissions: { tables: { users: ['GetItem'] } },
  },
} as const satisfies Record<string, OperationDefinition>;
