import { ADMIN_POOL } from './admin-pool/operations';
import { ADMIN_USERS } from './admin-users/operations';
import { ADMINS } from './admins/operations';
import { APPLICATIONS } from './applications/operations';
import { AUTH } from './auth/operations';
import type { OperationDefinition } from './core/operation-definition';
import { ME } from './me/operations';
import { WEBHOOKS } from './webhooks/operations';

/**
 * The operation registry, aggregated from one file per area
 * (`lambdas/<area>/operations.ts`). The stack builds one function, route and
 * IAM policy per row, the local server routes to the same handlers, and docs
 * are generated from it. Handlers import only their own area's file, so a row
 * edited in one area leaves every other area's bundle unchanged.
 */
export const OPERATIONS = {
  ...APPLICATIONS,
  ...AUTH,
  ...ME,
  ...ADMINS,
  ...ADMIN_USERS,
  ...ADMIN_POOL,
  ...WEBHOOKS,
} as const satisfies Record<string, OperationDefinition>;

export type OperationName = keyof typeof OPERATIONS;

/** The registry as a list, in declaration order. */
export const OPERATION_LIST: readonly OperationDefinition[] = Object.values(OPERATIONS);
