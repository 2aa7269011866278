import type * as z from 'zod/mini';
import type { SecretName } from './ports/secret-source';

/** Who may call a route: anyone, any signed-in user, an admin, or a signed webhook sender. */
export type Access = 'public' | 'user' | 'admin' | 'webhook';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The DynamoDB tables of the stack, by their key in the registry. */
export type TableKey = 'users' | 'adminInfo' | 'rateLimits' | 'reconciliations';

export type DynamoAction =
  | 'GetItem'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'Query'
  | 'Scan'
  | 'ConditionCheckItem'
  | 'BatchGetItem';

/** IAM actions an operation needs; the stack grants exactly these, on exact ARNs. */
export interface Permissions {
  /** `cognito-idp:*` actions on the user pool ARN (public APIs such as InitiateAuth need none). */
  readonly cognito?: readonly string[];
  /** `dynamodb:*` actions per table; `Query` also covers that table's declared indexes. */
  readonly tables?: { readonly [T in TableKey]?: readonly DynamoAction[] };
  /** Secrets the operation reads (`secretsmanager:GetSecretValue` on each ARN). */
  readonly secrets?: readonly SecretName[];
}

/** One row of the operation registry (`lambdas/operations.ts`). */
export interface OperationDefinition {
  readonly name: string;
  readonly method: HttpMethod;
  /** API Gateway resource path, e.g. `/admin/users/{userId}`. */
  readonly path: string;
  readonly access: Access;
  /** Handler file relative to `lambdas/`, exporting `handler`. */
  readonly entry: string;
  readonly summary: string;
  /** Schema of the JSON body; the API's request model is derived from it too. */
  readonly body?: z.ZodMiniType;
  readonly permissions: Permissions;
}
