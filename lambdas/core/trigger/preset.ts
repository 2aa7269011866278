import middy from '@middy/core';
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
 * THE preset every Cognito trigger uses: a middy stack. It logs one line per
 * invocation with the trigger, `triggerSource`, `userPoolId`, the request id
 * and, on failure, the error's name only — never the event, which carries
 * passwords, codes and attributes. A domain error surfaces its own safe
 * message; anything else a generic one (the detail stays out of Cognito's
 * answer to the client). No early timeout: Cognito gives up on a trigger after
 * 5 seconds whatever the function does.
 */
export function cognitoTrigger<E extends TriggerEvent>(
  definition: TriggerDefinition,
  handler: (event: E, context: Context) => Promise<E>,
): (event: E, context: Context) => Promise<E> {
  const fieldsOf = (event: E, context: Context) => ({
    trigger: definition.name,
    triggerSource: typeof event?.triggerSource === 'string' ? event.triggerSource : 'unknown',
    userPoolId: typeof event?.userPoolId === 'string' ? event.userPoolId : 'unknown',
    requestId: context?.awsRequestId ?? 'unknown',
  });
  return middy<E, E, Error, Context>({ timeoutEarlyInMillis: 0 })
    .use({
      after: ({ event, context }) => log('info', 'trigger done', fieldsOf(event, context)),
      onError: (request) => {
        const { error } = request;
        const known = error instanceof DomainError;
        log(known ? 'info' : 'error', 'trigger failed', {
          ...fieldsOf(request.event, request.context),
          error: error?.name ?? 'Unknown',
        });
        // Left unanswered, middy throws request.error: only this safe message reaches Cognito.
        request.error = new TriggerRefusedError(known ? error.message : GENERIC_TRIGGER_MESSAGE);
      },
    })
    .handler((event: E, context: Context) => handler(event, context));
}
