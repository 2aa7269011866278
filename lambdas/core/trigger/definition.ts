import type { CognitoAction, DynamoAction, TableKey } from '../operation-definition';
import type { SecretName } from '../secrets';

/**
 * The user pool triggers, named as in the pool's LambdaConfig (and in
 * cognito-local's `TriggerFunctions`). The stack maps each to CDK's
 * `UserPoolOperation`.
 */
export type PoolTrigger =
  | 'CustomMessage'
  | 'DefineAuthChallenge'
  | 'CreateAuthChallenge'
  | 'VerifyAuthChallengeResponse'
  | 'UserMigration'
  | 'PreSignUp'
  | 'PostConfirmation';

/** IAM a trigger needs. Cognito actions go to a separate policy, so the pool -> function edge cannot close a cycle. */
export interface TriggerPermissions {
  readonly cognito?: readonly CognitoAction[];
  readonly tables?: { readonly [T in TableKey]?: readonly DynamoAction[] };
  /** Secrets the trigger reads (`secretsmanager:GetSecretValue` on each ARN). */
  readonly secrets?: readonly SecretName[];
  /** Sends email itself: `ses:SendEmail` from the stack's `sesFromAddress` identity only. */
  readonly sendsEmail?: boolean;
}

/** One row of the trigger registry (`lambdas/triggers.ts`). */
export interface TriggerDefinition {
  readonly name: string;
  readonly trigger: PoolTrigger;
  /** Handler file relative to `lambdas/`, exporting `handler`. */
  readonly entry: string;
  readonly summary: string;
  readonly permissions: TriggerPermissions;
  /**
   * Deployed only when the stack prop of this name is set (the pool then
   * calls it); local runs always wire it.
   * @default - always deployed
   */
  readonly optIn?: 'legacyDatabase';
}

/**
 * How a user pool calls its triggers: the event in, the event (with its
 * `response` filled in) out. The in-memory Cognito receives one from outside
 * (local/ and the test harness build it from the trigger registry), the way a
 * real pool receives its LambdaConfig.
 */
export type TriggerInvoker = (trigger: PoolTrigger, event: object) => Promise<unknown>;

/** Which triggers an invoker serves. */
export interface PoolTriggers {
  readonly configured: ReadonlySet<PoolTrigger>;
  readonly invoke: TriggerInvoker;
}
