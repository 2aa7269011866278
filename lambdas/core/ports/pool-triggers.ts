/**
 * The port through which a user pool calls its triggers. The in-memory Cognito
 * receives one from outside (local/ and the test harness build it from the
 * trigger registry), the way a real pool receives its LambdaConfig.
 */

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
