import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { SECURITY_HEADERS } from '../lambdas/core/http/headers';
import type { OperationDefinition } from '../lambdas/core/operation-definition';
import { OPERATION_LIST } from '../lambdas/operations';

export interface HttpRequestParts {
  method: string;
  /** The request path without the query string, e.g. `/admin/users/abc`. */
  path: string;
  headers?: Record<string, string | undefined>;
  query?: Record<string, string | undefined>;
  body?: string;
}

/** A registry row matched to a concrete path, with its path parameters. */
export interface RouteMatch {
  operation: OperationDefinition;
  pathParameters: Record<string, string>;
}

/** A path segment with malformed percent-encoding (`%ZZ`, a lone `%`, overlong UTF-8 such as `%C0%AE`). */
export class MalformedPathError extends Error {
  override readonly name = 'MalformedPathError';
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new MalformedPathError('The request path is not validly percent-encoded.');
  }
}

/**
 * Finds the operation for `method path`, as API Gateway's resource tree does.
 * Throws MalformedPathError for a parameter that does not decode (API Gateway
 * answers those 400 too, before any function runs).
 */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
  const parts = path.split('/').filter(Boolean);
  for (const operation of OPERATION_LIST) {
    if (operation.method !== method.toUpperCase()) continue;
    const template = operation.path.split('/').filter(Boolean);
    if (template.length !== parts.length) continue;
    const pathParameters: Record<string, string> = {};
    const ok = template.every((segment, i) => {
      const actual = parts[i] as string;
      const param = /^\{(\w+)\}$/.exec(segment);
      if (param?.[1]) {
        pathParameters[param[1]] = decodeSegment(actual);
        return true;
      }
      return segment === actual;
    });
    if (ok) return { operation, pathParameters };
  }
  return undefined;
}

/**
 * A REST API (v1) Lambda proxy event, shaped as API Gateway sends it. `claims`
 * are what the Cognito authorizer puts in `requestContext.authorizer.claims`.
 */
export function proxyEvent(
  request: HttpRequestParts,
  match:
    | RouteMatch
    | { operation: Pick<OperationDefinition, 'path'>; pathParameters: Record<string, string> },
  claims?: Record<string, string>,
): APIGatewayProxyEvent {
  const headers = Object.fromEntries(
    Object.entries(request.headers ?? {}).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const query = Object.fromEntries(
    Object.entries(request.query ?? {}).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const requestId = randomUUID();
  const now = new Date();
  const hasParams = Object.keys(match.pathParameters).length > 0;
  return {
    resource: match.operation.path,
    path: request.path,
    httpMethod: request.method.toUpperCase(),
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: Object.keys(query).length > 0 ? query : null,
    multiValueQueryStringParameters:
      Object.keys(query).length > 0
        ? Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]]))
        : null,
    pathParameters: hasParams ? { ...match.pathParameters } : null,
    stageVariables: null,
    body: request.body === undefined || request.body === '' ? null : request.body,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: claims ? { claims } : null,
      protocol: 'HTTP/1.1',
      httpMethod: request.method.toUpperCase(),
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: '127.0.0.1',
        user: null,
        userAgent: headers['user-agent'] ?? headers['User-Agent'] ?? null,
        userArn: null,
      },
      path: `/local${request.path}`,
      stage: 'local',
      requestId,
      requestTimeEpoch: now.getTime(),
      resourceId: 'local',
      resourcePath: match.operation.path,
    },
  };
}

/** A Lambda context good enough for the presets (they read the remaining time). */
export function lambdaContext(functionName: string, timeoutMs = 10_000): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export type ProxyHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

const handlers = new Map<string, Promise<ProxyHandler>>();

/**
 * Loads the `handler` export of a registry row once and keeps it, as a warm
 * Lambda container does (an `import()` per request cost the local API a
 * quarter of its main thread: docs/benchmarks.md). A failed load is not kept.
 */
export function loadHandler(operation: OperationDefinition): Promise<ProxyHandler> {
  let handler = handlers.get(operation.entry);
  if (!handler) {
    const modulePath = `../lambdas/${operation.entry.replace(/\.ts$/, '')}`;
    handler = import(modulePath).then((loaded: { handler: ProxyHandler }) => loaded.handler);
    handler.catch(() => handlers.delete(operation.entry));
    handlers.set(operation.entry, handler);
  }
  return handler;
}

/** Gateway-level error answers, in the API's error shape (the stack's GatewayResponses match). */
export function gatewayError(status: number, code: string, message: string): APIGatewayProxyResult {
  return {
    statusCode: status,
    headers: { ...SECURITY_HEADERS },
    body: JSON.stringify({ error: { code, message } }),
  };
}
