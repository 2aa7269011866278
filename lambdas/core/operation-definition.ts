import type * as z from 'zod/mini';
import type { CognitoAction, DynamoAction } from './iam';
import type { SecretName } from './ports/secret-source';
import type { TableKey } from './tables';

/** A schema of string parameters (path or query): a zod/mini object of string fields. */
export type ParamsSchema = z.ZodMiniObject<Record<string, z.ZodMiniType<unknown, string | undefined>>>;

/** Who may call a route: anyone, any signed-in user, an admin, or a signed webhook sender. */
export type Access = 'public' | 'user' | 'admin' | 'webhook';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type { CognitoAction, CognitoApi, DynamoAction } from './iam';
export type { TableKey } from './tables';

/** IAM actions an operation needs; the stack grants exactly these, on exact ARNs. */
export interface Permissions {
  /** `cognito-idp:*` actions on the user pool ARN (public APIs such as InitiateAuth need none). */
  readonly cognito?: readonly CognitoAction[];
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
  /**
   * Schema of the path parameters (every `{name}` of `path`), validated like
   * the body and declared as required request parameters of the API method.
   */
  readonly params?: ParamsSchema;
  /** Schema of the query string; its keys are declared as request parameters (optional unless required). */
  readonly query?: ParamsSchema;
  readonly permissions: Permissions;
  /**
   * Each success status the handler answers, with what its body is: the one
   * place the OpenAPI document, docs and tests read it from (a registry test
   * checks every status literal of the handler is listed here).
   */
  readonly success: Readonly<Record<number, string>>;
  /**
   * Open to a caller whom an admin requires MFA for and who has not enrolled
   * yet (their profile, TOTP enrollment, sign-out); every other protected
   * route answers them 403 MFA_ENROLLMENT_REQUIRED.
   * @default false
   */
  readonly openDuringMfaEnrollment?: boolean;
  /**
   * Works only where the pool can send the product's own email (the stack's
   * `sesFromAddress`, which then reaches the function as `SES_FROM_ADDRESS`);
   * without it the route answers `501 NOT_CONFIGURED`, never a 500.
   * @default false
   */
  readonly needsEmailSender?: boolean;
}
