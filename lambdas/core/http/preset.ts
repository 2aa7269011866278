import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { ConfigurationError, MfaEnrolmentRequiredError } from '../domain/errors';
import type { Caller } from '../domain/tokens';
import type { UserRecord } from '../domain/user';
import { log } from '../log';
import type { Access, OperationDefinition } from '../operation-definition';
import type { CallerGate } from './caller-gate';
import { corsHeaders } from './cors';
import { errorAnswer, INTERNAL } from './error-table';
import { SECURITY_HEADERS } from './headers';
import {
  bearerOf,
  callerFor,
  claimsOf,
  correlationIdOf,
  parameters,
  parseJson,
  rawBodyOf,
  validate,
} from './request';

export { MAX_BODY_BYTES } from './request';

/** What a handler returns: a status and, except for 204, a JSON body. */
export interface HttpResult {
  status: number;
  body?: unknown;
}

type BodyOf<D extends OperationDefinition> = D['body'] extends z.ZodMiniType
  ? z.output<D['body']>
  : undefined;
type ParamsOf<S> = S extends z.ZodMiniType ? z.output<S> : Record<string, string | undefined>;
type CallerOf<A extends Access> = A extends 'user' | 'admin' ? Caller : undefined;

/** What a handler receives: the validated body, the caller for protected routes, and the raw event. */
export interface OperationRequest<D extends OperationDefinition> {
  body: BodyOf<D>;
  caller: CallerOf<D['access']>;
  /** The caller's `Users` record as the caller gate read it (protected routes): no second read. */
  callerRecord: CallerOf<D['access']> extends Caller ? UserRecord : undefined;
  /** Raw body text exactly as received (webhook signatures are computed over it). */
  rawBody: string;
  /** The query string, validated by the row's `query` schema when it has one. */
  query: ParamsOf<D['query']>;
  /** The path parameters, validated by the row's `params` schema when it has one. */
  params: ParamsOf<D['params']>;
  event: APIGatewayProxyEvent;
  correlationId: string;
  /** The bearer access token of a protected route (for Cognito's token-authorized APIs). */
  accessToken: CallerOf<D['access']> extends Caller ? string : undefined;
  /** Time left in this invocation, for workflows that must end (or undo) before the function times out. */
  remainingMs: () => number;
}

interface CommonOptions {
  /** Runs before the body is parsed, e.g. a webhook signature check; throws to refuse. */
  authenticate?: (request: { rawBody: string; event: APIGatewayProxyEvent }) => Promise<void>;
}

/**
 * Options of an operation. A `user` or `admin` route must name its caller
 * gate (revocation; `adminGate` for admin routes): the type requires it and
 * the preset refuses to build without it.
 */
export type OperationOptions<D extends OperationDefinition = OperationDefinition> = CommonOptions &
  (Access extends D['access']
    ? { gate?: CallerGate } // a row whose access is not known statically: checked at build time only
    : D['access'] extends 'user' | 'admin'
      ? { gate: CallerGate }
      : { gate?: undefined });

/**
 * A handler that has not answered this long before the function's own
 * timeout is abandoned with a TimeoutError (a generic 500 in the API's shape
 * instead of API Gateway's bare 502), as middy's `timeoutEarlyInMillis` did.
 */
const TIMEOUT_EARLY_MS = 5;

/**
 * THE preset every HTTP operation uses. In order: body size (413),
 * `authenticate` (webhooks), caller from the API authorizer (401/403), the
 * caller gate (revocation), JSON parsing (415/400), schema validation (400);
 * then the handler (abandoned 5 ms before the function times out); then
 * security headers. Errors go through the one error table; anything
 * unexpected is a generic 500 whose detail only reaches the log.
 *
 * A plain pipeline, not middy: middy's core pulls in Node's stream and timer
 * modules, about 6 ms of every cold start on Node 24 (docs/benchmarks.md).
 */
export function httpOperation<D extends OperationDefinition>(
  definition: D,
  options: OperationOptions<D>,
  handler: (request: OperationRequest<D>) => Promise<HttpResult>,
): (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult> {
  assertGate(definition, options.gate);
  return async function operation(event, context) {
    try {
      const rawBody = rawBodyOf(event);
      if (options.authenticate) await options.authenticate({ rawBody, event });
      const caller = callerFor(definition.access, event);
      let callerRecord: UserRecord | undefined;
      if (caller && options.gate) {
        callerRecord = await options.gate.admit(caller, claimsOf(event), bearerOf(event) ?? '');
        // An admin requires MFA and the caller has none yet: only the enrolment routes are open.
        if (callerRecord.mfa.required && !callerRecord.mfa.enabled && !definition.openDuringMfaEnrolment)
          throw new MfaEnrolmentRequiredError();
      }
      const params = parameters(definition.params, event.pathParameters, 'path');
      const query = parameters(definition.query, event.queryStringParameters, 'query');
      const parsed = parseJson(rawBody, event.headers);
      const body = definition.body ? validate(definition.body, parsed, 'body') : undefined;
      const result = await withinTime(context, () =>
        handler({
          body: body as BodyOf<D>,
          caller: caller as CallerOf<D['access']>,
          callerRecord: callerRecord as OperationRequest<D>['callerRecord'],
          rawBody,
          query: query as ParamsOf<D['query']>,
          params: params as ParamsOf<D['params']>,
          event,
          correlationId: correlationIdOf(event, context),
          accessToken: bearerOf(event) as OperationRequest<D>['accessToken'],
          remainingMs: () => context?.getRemainingTimeInMillis?.() ?? Number.POSITIVE_INFINITY,
        }),
      );
      return toProxyResult(result, event);
    } catch (error) {
      return errorResponse(definition, event, context, error);
    }
  };
}

/** Runs `work`, or throws TimeoutError TIMEOUT_EARLY_MS before the invocation's deadline. */
async function withinTime<T>(context: Context | undefined, work: () => Promise<T>): Promise<T> {
  const remaining = context?.getRemainingTimeInMillis?.();
  if (remaining === undefined) return work();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('The handler ran out of time.'), { name: 'TimeoutError' })),
      Math.max(0, remaining - TIMEOUT_EARLY_MS),
    );
  });
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function assertGate(definition: OperationDefinition, gate: CallerGate | undefined): void {
  const protectedRoute = definition.access === 'user' || definition.access === 'admin';
  if (protectedRoute && (!gate || (definition.access === 'admin' && gate.level !== 'admin'))) {
    throw new Error(
      `Operation ${definition.name} is ${definition.access}-only and needs the ${definition.access} caller gate.`,
    );
  }
}

function toProxyResult(result: HttpResult, event?: APIGatewayProxyEvent): APIGatewayProxyResult {
  return {
    statusCode: result.status,
    headers: { ...SECURITY_HEADERS, ...corsHeaders(event) },
    body: result.body === undefined ? '' : JSON.stringify(result.body),
  };
}

/** Domain and envelope errors via the error table; anything else is a logged, generic 500. */
function errorResponse(
  definition: OperationDefinition,
  event: APIGatewayProxyEvent,
  context: Context,
  error: unknown,
): APIGatewayProxyResult {
  const known = errorAnswer(error);
  const answer = known ?? INTERNAL;
  const fields = {
    operation: definition.name,
    correlationId: correlationIdOf(event, context),
    status: answer.status,
    code: answer.code,
    error: (error as Error | undefined)?.name,
    // Only our own configuration messages are safe to log: SDK messages may echo input.
    ...(error instanceof ConfigurationError ? { detail: error.message } : {}),
  };
  if (known) log('info', 'request refused', fields);
  else log('error', 'request failed', fields);
  return toProxyResult(
    { status: answer.status, body: { error: { code: answer.code, message: answer.message } } },
    event,
  );
}
