import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { ConfigurationError, MfaEnrollmentRequiredError, TooManyRequestsError } from '../domain/errors';
import type { Caller } from '../domain/tokens';
import type { UserRecord } from '../domain/user';
import { log } from '../log';
import type { OperationDefinition } from '../operation-definition';
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

/** What a handler returns: a status and, except for 204, a JSON body. */
export interface HttpResult {
  status: number;
  body?: unknown;
}

/**
 * What the middlewares read and write for one invocation: API Gateway's event
 * (never changed) and what each step found in it. The preset makes a fresh one
 * per invocation, so nothing is shared between concurrent calls of one handler.
 */
export interface OperationEvent {
  readonly http: APIGatewayProxyEvent;
  rawBody: string;
  caller?: Caller;
  callerRecord?: UserRecord;
  params?: unknown;
  query?: unknown;
  parsed?: unknown;
  body?: unknown;
}

type Middleware = MiddlewareObj<OperationEvent, APIGatewayProxyResult, Error, Context>;

/** 413 PAYLOAD_TOO_LARGE over 64 KiB, before anything reads the body. */
export const bodyLimit = (): Middleware => ({
  before: ({ event }) => {
    event.rawBody = rawBodyOf(event.http);
  },
});

/** A check over the raw body before it is parsed, e.g. a webhook signature; throws to refuse. */
export const authenticate = (
  check: (request: { rawBody: string; event: APIGatewayProxyEvent }) => Promise<void>,
): Middleware => ({
  before: async ({ event }) => {
    await check({ rawBody: event.rawBody, event: event.http });
  },
});

/**
 * The caller from the API's authorizer (401/403 by the route's access), then
 * the caller gate (revocation, group, record). While an admin requires MFA of
 * a caller who has none yet, only the routes open during enrollment answer.
 */
export const callerGate = (definition: OperationDefinition, gate: CallerGate | undefined): Middleware => ({
  before: async ({ event }) => {
    event.caller = callerFor(definition.access, event.http);
    if (!event.caller || !gate) return;
    const record = await gate.admit(event.caller, claimsOf(event.http), bearerOf(event.http) ?? '');
    if (record.mfa.required && !record.mfa.enabled && !definition.openDuringMfaEnrollment)
      throw new MfaEnrollmentRequiredError();
    event.callerRecord = record;
  },
});

/** The row's path and query schemas (400 VALIDATION_ERROR naming the field). */
export const parameterSchemas = (definition: OperationDefinition): Middleware => ({
  before: ({ event }) => {
    event.params = parameters(definition.params, event.http.pathParameters, 'path');
    event.query = parameters(definition.query, event.http.queryStringParameters, 'query');
  },
});

/** JSON bodies only (415), parsed (400 INVALID_JSON). */
export const jsonBody = (): Middleware => ({
  before: ({ event }) => {
    event.parsed = parseJson(event.rawBody, event.http.headers);
  },
});

/** The row's body schema (400 VALIDATION_ERROR naming the nested field). */
export const bodySchema = (definition: OperationDefinition): Middleware => ({
  before: ({ event }) => {
    event.body = definition.body ? validate(definition.body, event.parsed, 'body') : undefined;
  },
});

function proxyResult(
  result: HttpResult,
  event: APIGatewayProxyEvent,
  extra: Record<string, string> = {},
): APIGatewayProxyResult {
  return {
    statusCode: result.status,
    headers: { ...SECURITY_HEADERS, ...corsHeaders(event), ...extra },
    body: result.body === undefined ? '' : JSON.stringify(result.body),
  };
}

/** The handler's HttpResult as API Gateway's answer, with the security and CORS headers. */
export const httpHeaders = (): Middleware => ({
  after: (request) => {
    request.response = proxyResult(request.response as unknown as HttpResult, request.event.http);
  },
});

/**
 * Every error through the one error table; anything unexpected is a generic
 * 500 whose name (never its message: SDK messages may echo input) reaches the
 * log. Our own configuration messages are safe to log.
 */
export const errorTable = (definition: OperationDefinition): Middleware => ({
  onError: (request) => {
    const { error } = request;
    const known = errorAnswer(error);
    const answer = known ?? INTERNAL;
    log(known ? 'info' : 'error', known ? 'request refused' : 'request failed', {
      operation: definition.name,
      correlationId: correlationIdOf(request.event.http, request.context),
      status: answer.status,
      code: answer.code,
      error: (error as Error | undefined)?.name,
      ...(error instanceof ConfigurationError ? { detail: error.message } : {}),
    });
    request.response = proxyResult(
      { status: answer.status, body: { error: { code: answer.code, message: answer.message } } },
      request.event.http,
      // A 429 says when to come back: Cognito throttling 1 s, an email's window its length.
      error instanceof TooManyRequestsError ? { 'Retry-After': String(error.retryAfterSeconds) } : {},
    );
  },
});
