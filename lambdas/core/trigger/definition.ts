import type { CognitoAction, DynamoAction } from '../iam';
import type { PoolTrigger } from '../ports/pool-triggers';
import type { SecretName } from '../secrets';
import type { TableKey } from '../tables';

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
