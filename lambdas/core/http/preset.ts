import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { type CallerContext, USER_CONTEXT_HEADER, withCallerContext } from '../caller-context';
import type { Caller } from '../domain/tokens';
import type { UserRecord } from '../domain/user';
import type { Access, OperationDefinition } from '../operation-definition';
import type { CallerGate } from './caller-gate';
import { headerValue } from './headers';
import {
  authenticate,
  bodyLimit,
  bodySchema,
  callerGate,
  errorTable,
  type HttpResult,
  httpHeaders,
  jsonBody,
  type OperationEvent,
  parameterSchemas,
} from './middlewares';
import { bearerOf, correlationIdOf } from './request';

export type { HttpResult } from './middlewares';
export { MAX_BODY_BYTES } from './request';

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
 * timeout is abandoned with middy's TimeoutError (a generic 500 in the API's
 * shape instead of API Gateway's bare 502).
 */
const TIMEOUT_EARLY_MS = 5;

/**
 * THE preset every HTTP operation uses: a middy stack. In order: body size
 * (413), `authenticate` (webhooks), caller from the API authorizer (401/403)
 * and the caller gate (revocation), path and query schemas, JSON parsing
 * (415/400), the body schema (400); then the handler (abandoned 5 ms before the
 * function times out); then security headers. Errors go through the one error
 * table; anything unexpected is a generic 500 whose detail only reaches the log.
 * The middlewares are in `./middlewares.ts`; what middy adds to a cold start is
 * measured by `npm run bench` (docs/benchmarks.md).
 */
export function httpOperation<D extends OperationDefinition>(
  definition: D,
  options: OperationOptions<D>,
  handler: (request: OperationRequest<D>) => Promise<HttpResult>,
): (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult> {
  assertGate(definition, options.gate);
  const stack = middy<OperationEvent, APIGatewayProxyResult, Error, Context>({
    timeoutEarlyInMillis: TIMEOUT_EARLY_MS,
  })
    .use(bodyLimit())
    .use(options.authenticate ? [authenticate(options.authenticate)] : [])
    .use(callerGate(definition, options.gate))
    .use(parameterSchemas(definition))
    .use(jsonBody())
    .use(bodySchema(definition))
    .use(httpHeaders())
    .use(errorTable(definition))
    .handler(
      async (event: OperationEvent, context: Context) =>
        (await handler({
          body: event.body as BodyOf<D>,
          caller: event.caller as CallerOf<D['access']>,
          callerRecord: event.callerRecord as OperationRequest<D>['callerRecord'],
          rawBody: event.rawBody,
          query: event.query as ParamsOf<D['query']>,
          params: event.params as ParamsOf<D['params']>,
          event: event.http,
          correlationId: correlationIdOf(event.http, context),
          accessToken: bearerOf(event.http) as OperationRequest<D>['accessToken'],
          remainingMs: () => context?.getRemainingTimeInMillis?.() ?? Number.POSITIVE_INFINITY,
        })) as unknown as APIGatewayProxyResult, // httpHeaders() turns the HttpResult into it
    );
  // One envelope per invocation: what the middlewares find stays with this call.
  return async function operation(event, context) {
    return withCallerContext(callerOf(event), () => stack({ http: event, rawBody: '' }, context));
  };
}

/** The caller as API Gateway saw them, for Cognito's threat protection (core/caller-context.ts). */
function callerOf(event: APIGatewayProxyEvent): CallerContext {
  const ipAddress = event.requestContext?.identity?.sourceIp;
  const encodedData = headerValue(event.headers ?? {}, USER_CONTEXT_HEADER.toLowerCase());
  return {
    ...(ipAddress ? { ipAddress } : {}),
    ...(encodedData && encodedData.length <= 8192 ? { encodedData } : {}),
  };
}

function assertGate(definition: OperationDefinition, gate: CallerGate | undefined): void {
  const protectedRoute = definition.access === 'user' || definition.access === 'admin';
  if (protectedRoute && (!gate || (definition.access === 'admin' && gate.level !== 'admin'))) {
    throw new Error(
      `Operation ${definition.name} is ${definition.access}-only and needs the ${definition.access} caller gate.`,
    );
  }
}
