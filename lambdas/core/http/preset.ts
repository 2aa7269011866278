import middy, { type MiddlewareObj, type Request } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import {
  ConfigurationError,
  ForbiddenError,
  MfaEnrolmentRequiredError,
  RequestValidationError,
  UnauthenticatedError,
} from '../domain/errors';
import { ADMIN_GROUP } from '../domain/pool-policy';
import type { Caller } from '../domain/tokens';
import type { UserRecord } from '../domain/user';
import { log } from '../log';
import type { Access, OperationDefinition } from '../operation-definition';
import type { CallerGate } from './caller-gate';
import { errorAnswer, INTERNAL } from './error-table';
import { headerValue, parseGroups, SECURITY_HEADERS } from './headers';
import { InvalidJsonError, PayloadTooLargeError, UnsupportedMediaTypeError } from './http-errors';

/** Largest accepted request body (API.md). */
export const MAX_BODY_BYTES = 64 * 1024;

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

type MiddyRequest = Request<APIGatewayProxyEvent, APIGatewayProxyResult | HttpResult, Error, Context>;

interface Internal {
  rawBody: string;
  parsedBody: unknown;
  params?: unknown;
  query?: unknown;
  caller?: Caller;
  callerRecord?: UserRecord;
}

/**
 * THE middy preset every HTTP operation uses. In order: body size (413),
 * `authenticate` (webhooks), caller from the API authorizer (401/403), JSON
 * parsing (415/400), schema validation (400); then the handler; then security
 * headers. Errors go through the one error table; anything unexpected is a
 * generic 500 whose detail only reaches the log.
 */
export function httpOperation<D extends OperationDefinition>(
  definition: D,
  options: OperationOptions<D>,
  handler: (request: OperationRequest<D>) => Promise<HttpResult>,
) {
  assertGate(definition, options.gate);
  // Per-invocation state, keyed by the event object that middy hands to the handler too.
  const state = new WeakMap<object, Internal>();
  const internal = (request: MiddyRequest): Internal => {
    let value = state.get(request.event);
    if (!value) {
      value = { rawBody: '', parsedBody: undefined };
      state.set(request.event, value);
    }
    return value;
  };

  return middy<APIGatewayProxyEvent, APIGatewayProxyResult, Error, Context>()
    .use(errorResponder(definition))
    .use(securityHeaders())
    .use({
      before: async function readBody(request: MiddyRequest) {
        internal(request).rawBody = rawBodyOf(request.event);
      },
    })
    .use({
      before: async function authenticate(request: MiddyRequest) {
        if (options.authenticate) {
          await options.authenticate({ rawBody: internal(request).rawBody, event: request.event });
        }
      },
    })
    .use({
      before: async function authorize(request: MiddyRequest) {
        const caller = callerFor(definition.access, request.event);
        internal(request).caller = caller;
        if (caller && options.gate) {
          const record = await options.gate.admit(caller, claimsOf(request.event));
          // An admin requires MFA and the caller has none yet: only the enrolment routes are open.
          if (record.mfa.required && !record.mfa.enabled && !definition.openDuringMfaEnrolment)
            throw new MfaEnrolmentRequiredError();
          internal(request).callerRecord = record;
        }
      },
    })
    .use({
      before: async function parseAndValidate(request: MiddyRequest) {
        const own = internal(request);
        const { event } = request;
        own.params = parameters(definition.params, event.pathParameters, 'path');
        own.query = parameters(definition.query, event.queryStringParameters, 'query');
        const parsed = parseJson(own.rawBody, event.headers);
        own.parsedBody = definition.body ? validate(definition.body, parsed, 'body') : undefined;
      },
    })
    .handler(async function operation(event, context) {
      const own = state.get(event) ?? { rawBody: '', parsedBody: undefined };
      const result = await handler({
        body: own.parsedBody as BodyOf<D>,
        caller: own.caller as CallerOf<D['access']>,
        callerRecord: own.callerRecord as OperationRequest<D>['callerRecord'],
        rawBody: own.rawBody,
        query: own.query as ParamsOf<D['query']>,
        params: own.params as ParamsOf<D['params']>,
        event,
        correlationId: correlationIdOf(event, context),
        accessToken: bearerOf(event) as OperationRequest<D>['accessToken'],
        remainingMs: () => context?.getRemainingTimeInMillis?.() ?? Number.POSITIVE_INFINITY,
      });
      return result as unknown as APIGatewayProxyResult;
    });
}

function rawBodyOf(event: APIGatewayProxyEvent): string {
  const body = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
  if (bytes.byteLength > MAX_BODY_BYTES) throw new PayloadTooLargeError(MAX_BODY_BYTES);
  return bytes.toString('utf8');
}

function parseJson(raw: string, headers: APIGatewayProxyEvent['headers']): unknown {
  if (raw.trim() === '') return undefined;
  const contentType = headerValue(headers, 'content-type') ?? '';
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(mediaType)) {
    throw new UnsupportedMediaTypeError();
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw new InvalidJsonError();
  }
}

/** Path or query parameters: validated when the row has a schema, else passed on as they came. */
function parameters(
  schema: z.ZodMiniType | undefined,
  values: Record<string, string | undefined> | null,
  where: 'path' | 'query',
): unknown {
  return schema ? validate(schema, values ?? {}, where) : { ...values };
}

/** The message names the failing field: `email`, `query.limit`, `path.userId`. */
function validate(schema: z.ZodMiniType, value: unknown, where: 'body' | 'path' | 'query'): unknown {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const inner = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const field = where === 'body' ? (inner ?? 'body') : inner ? `${where}.${inner}` : where;
  throw new RequestValidationError(field, `${field}: ${issue?.message ?? 'is invalid'}`);
}

function assertGate(definition: OperationDefinition, gate: CallerGate | undefined): void {
  const protectedRoute = definition.access === 'user' || definition.access === 'admin';
  if (protectedRoute && (!gate || (definition.access === 'admin' && gate.level !== 'admin'))) {
    throw new Error(
      `Operation ${definition.name} is ${definition.access}-only and needs the ${definition.access} caller gate.`,
    );
  }
}

function bearerOf(event: APIGatewayProxyEvent): string | undefined {
  const header = headerValue(event.headers, 'authorization');
  return header ? /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1] : undefined;
}

function claimsOf(event: APIGatewayProxyEvent): Record<string, unknown> {
  return (event.requestContext.authorizer?.claims ?? {}) as Record<string, unknown>;
}

/**
 * The API authorizer (Cognito, access tokens) has already verified the token;
 * its claims arrive as strings. Admin routes also need the `admin` group.
 */
function callerFor(access: Access, event: APIGatewayProxyEvent): Caller | undefined {
  if (access !== 'user' && access !== 'admin') return undefined;
  const claims = claimsOf(event);
  const sub = typeof claims.sub === 'string' ? claims.sub : undefined;
  if (!sub) throw new UnauthenticatedError();
  const caller: Caller = {
    sub,
    username: typeof claims.username === 'string' ? claims.username : sub,
    groups: parseGroups(claims['cognito:groups']),
  };
  if (access === 'admin' && !caller.groups.includes(ADMIN_GROUP)) {
    throw new ForbiddenError('This route is for administrators.');
  }
  return caller;
}

function correlationIdOf(event: APIGatewayProxyEvent, context: Context): string {
  return event.requestContext?.requestId ?? context?.awsRequestId ?? 'unknown';
}

function toProxyResult(result: HttpResult): APIGatewayProxyResult {
  return {
    statusCode: result.status,
    headers: { ...SECURITY_HEADERS },
    body: result.body === undefined ? '' : JSON.stringify(result.body),
  };
}

/** Turns the handler's result into an API Gateway answer with the security headers. */
function securityHeaders(): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  return {
    after: async function applySecurityHeaders(request) {
      request.response = toProxyResult(request.response as unknown as HttpResult);
    },
  };
}

/** Domain and envelope errors via the error table; anything else is a logged, generic 500. */
function errorResponder(
  definition: OperationDefinition,
): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  return {
    onError: async function respondWithError(request) {
      const known = errorAnswer(request.error);
      const answer = known ?? INTERNAL;
      const fields = {
        operation: definition.name,
        correlationId: correlationIdOf(request.event, request.context),
        status: answer.status,
        code: answer.code,
        error: request.error?.name,
        // Only our own configuration messages are safe to log: SDK messages may echo input.
        ...(request.error instanceof ConfigurationError ? { detail: request.error.message } : {}),
      };
      if (known) log('info', 'request refused', fields);
      else log('error', 'request failed', fields);
      request.response = toProxyResult({
        status: answer.status,
        body: { error: { code: answer.code, message: answer.message } },
      });
    },
  };
}
