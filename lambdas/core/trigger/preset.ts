import type { Context } from 'aws-lambda';
import { DomainError } from '../domain/errors';
import { log } from '../log';
import type { TriggerDefinition } from './definition';

/** What every Cognito trigger event carries (the rest is per trigger). */
export interface TriggerEvent {
  triggerSource: string;
  userPoolId: string;
  region?: string;
}

/** Cognito shows this to the caller as `<Trigger> failed with error <message>`. */
export const GENERIC_TRIGGER_MESSAGE = 'The request could not be completed.';

/** A trigger's refusal as Cognito passes it on: only a safe message, no stack, no cause. */
export class TriggerRefusedError extends Error {
  override readonly name = 'TriggerRefusedError';
}

/**
 * THE preset every Cognito trigger uses. It logs one line per
 * invocation with the trigger, `triggerSource`, `userPoolId`, the request id
 * and, on failure, the error's name only — never the event, which carries
 * passwords, codes and attributes. A domain error surfaces its own safe
 * message; anything else a generic one (the detail stays out of Cognito's
 * answer to the client).
 */
export function cognitoTrigger<E extends TriggerEvent>(
  definition: TriggerDefinition,
  handler: (event: E, context: Context) => Promise<E>,
): (event: E, context: Context) => Promise<E> {
  // A plain wrapper, not middy: middy's core pulls in Node's stream modules,
  // which tripled the load of the smallest trigger (docs/benchmarks.md).
  return async function trigger(event, context) {
    const fields = {
      trigger: definition.name,
      triggerSource: typeof event?.triggerSource === 'string' ? event.triggerSource : 'unknown',
      userPoolId: typeof event?.userPoolId === 'string' ? event.userPoolId : 'unknown',
      requestId: context?.awsRequestId ?? 'unknown',
    };
    let answer: E;
    try {
      answer = await handler(event, context);
    } catch (error) {
      const known = error instanceof DomainError;
      log(known ? 'info' : 'error', 'trigger failed', {
        ...fields,
        error: (error as Error)?.name ?? 'Unknown',
      });
      throw new TriggerRefusedError(known ? error.message : GENERIC_TRIGGER_MESSAGE);
    }
    log('info', 'trigger done', fields);
    return answer;
  };
}
