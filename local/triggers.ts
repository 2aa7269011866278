import type { Context } from 'aws-lambda';
import type { PoolTrigger, PoolTriggers } from '../lambdas/core/ports/pool-triggers';
import type { TriggerDefinition } from '../lambdas/core/trigger/definition';
import { TRIGGER_LIST } from '../lambdas/triggers';
import { lambdaContext } from './api-gateway';

type TriggerHandler = (event: object, context: Context) => Promise<unknown>;

const loaded = new Map<string, TriggerHandler>();

/** Loads a trigger row's `handler` once and keeps it. */
export function triggerHandler(definition: TriggerDefinition): TriggerHandler {
  let handler = loaded.get(definition.entry);
  if (!handler) {
    // Synchronous require: the same module instance the local server's handlers share.
    const module = require(`../lambdas/${definition.entry.replace(/\.ts$/, '')}`) as {
      handler: TriggerHandler;
    };
    handler = module.handler;
    loaded.set(definition.entry, handler);
  }
  return handler;
}

/**
 * The pool's LambdaConfig for the in-memory Cognito, built from the trigger
 * registry: each configured trigger runs the project's own handler with a
 * fresh Lambda context, as Cognito invokes a function.
 */
export function registryTriggers(rows: readonly TriggerDefinition[] = TRIGGER_LIST): PoolTriggers {
  const byTrigger = new Map<PoolTrigger, TriggerDefinition>(rows.map((row) => [row.trigger, row]));
  return {
    configured: new Set(byTrigger.keys()),
    async invoke(trigger, event) {
      const row = byTrigger.get(trigger);
      if (!row) throw new Error(`No ${trigger} trigger is configured.`);
      return triggerHandler(row)(event, lambdaContext(row.name, 5_000));
    },
  };
}
