import type { PoolTrigger, PoolTriggers } from '../../../ports/pool-triggers';

/**
 * The pool's LambdaConfig: which triggers are configured and how to call
 * them. Injected from outside (local/ and the test harness build it from the
 * trigger registry); this folder never imports a trigger handler.
 */
export class Triggers {
  private wired: PoolTriggers | undefined;

  use(triggers: PoolTriggers | undefined): void {
    this.wired = triggers;
  }

  has(trigger: PoolTrigger): boolean {
    return this.wired?.configured.has(trigger) ?? false;
  }

  /**
   * Calls a configured trigger and returns the event it answered; undefined
   * when none is configured. A trigger that throws fails the Cognito call, as
   * UserLambdaValidationException does (`<Trigger> failed with error <message>`).
   */
  async call(trigger: PoolTrigger, event: object): Promise<unknown> {
    if (!this.wired || !this.has(trigger)) return undefined;
    try {
      return await this.wired.invoke(trigger, event);
    } catch (error) {
      throw new PoolTriggerError(trigger, error);
    }
  }
}

/** A trigger failed, so the Cognito call that ran it fails (UserLambdaValidationException). */
export class PoolTriggerError extends Error {
  override readonly name = 'UserLambdaValidationException';
  constructor(trigger: PoolTrigger, cause: unknown) {
    super(`${trigger} failed with error ${(cause as Error)?.message ?? 'unknown'}.`);
  }
}
