import type { APIGatewayProxyResult } from 'aws-lambda';
import type { OperationDefinition } from '../lambdas/core/operation-definition';
import {
  gatewayError,
  type HttpRequestParts,
  lambdaContext,
  loadHandler,
  MalformedPathError,
  matchRoute,
  proxyEvent,
} from './api-gateway';
import { authorize } from './authorizer';

/**
 * Runs one operation as API Gateway would: the Cognito authorizer first on
 * `user` and `admin` routes (401 before the function runs), then the Lambda
 * proxy integration.
 */
export async function invokeOperation(
  operation: OperationDefinition,
  request: HttpRequestParts,
  pathParameters: Record<string, string> = {},
): Promise<APIGatewayProxyResult> {
  let claims: Record<string, string> | undefined;
  if (operation.access === 'user' || operation.access === 'admin') {
    try {
      claims = await authorize(request.headers ?? {});
    } catch {
      return gatewayError(401, 'UNAUTHENTICATED', 'A valid access token is required.');
    }
  }
  const handler = await loadHandler(operation);
  const event = proxyEvent(request, { operation, pathParameters }, claims);
  return handler(event, lambdaContext(operation.name));
}

/** Routes a request to its operation; unknown routes answer 404 like the deployed API. */
export async function dispatch(request: HttpRequestParts): Promise<APIGatewayProxyResult> {
  let match: ReturnType<typeof matchRoute>;
  try {
    match = matchRoute(request.method, request.path);
  } catch (error) {
    if (error instanceof MalformedPathError) return gatewayError(400, 'BAD_REQUEST', error.message);
    throw error;
  }
  // The message never echoes the path (it can be long, or carry what the caller should not see back).
  if (!match) return gatewayError(404, 'NOT_FOUND', 'No such route.');
  return invokeOperation(match.operation, request, match.pathParameters);
}
