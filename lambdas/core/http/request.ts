import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { ForbiddenError, RequestValidationError, UnauthenticatedError } from '../domain/errors';
import { ADMIN_GROUP } from '../domain/pool-policy';
import type { Caller } from '../domain/tokens';
import type { Access } from '../operation-definition';
import { headerValue, parseGroups } from './headers';
import { InvalidJsonError, PayloadTooLargeError, UnsupportedMediaTypeError } from './http-errors';

/** What the HTTP preset reads off an API Gateway event: body, JSON, parameters, caller, correlation id. */

/** Largest accepted request body (docs/api.md). */
export const MAX_BODY_BYTES = 64 * 1024;

export function rawBodyOf(event: APIGatewayProxyEvent): string {
  const body = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
  if (bytes.byteLength > MAX_BODY_BYTES) throw new PayloadTooLargeError(MAX_BODY_BYTES);
  return bytes.toString('utf8');
}

export function parseJson(raw: string, headers: APIGatewayProxyEvent['headers']): unknown {
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
export function parameters(
  schema: z.ZodMiniType | undefined,
  values: Record<string, string | undefined> | null,
  where: 'path' | 'query',
): unknown {
  return schema ? validate(schema, values ?? {}, where) : { ...values };
}

/** The message names the failing field: `email`, `query.limit`, `path.userId`. */
export function validate(schema: z.ZodMiniType, value: unknown, where: 'body' | 'path' | 'query'): unknown {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const inner = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const field = where === 'body' ? (inner ?? 'body') : inner ? `${where}.${inner}` : where;
  throw new RequestValidationError(field, `${field}: ${issue?.message ?? 'is invalid'}`);
}

export function bearerOf(event: APIGatewayProxyEvent): string | undefined {
  const header = headerValue(event.headers, 'authorization');
  return header ? /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1] : undefined;
}

export function claimsOf(event: APIGatewayProxyEvent): Record<string, unknown> {
  return (event.requestContext.authorizer?.claims ?? {}) as Record<string, unknown>;
}

/**
 * The API authorizer (Cognito, access tokens) has already verified the token;
 * its claims arrive as strings. Admin routes also need the `admin` group.
 */
export function callerFor(access: Access, event: APIGatewayProxyEvent): Caller | undefined {
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

export function correlationIdOf(event: APIGatewayProxyEvent, context: Context): string {
  return event.requestContext?.requestId ?? context?.awsRequestId ?? 'unknown';
}
