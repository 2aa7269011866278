import type { APIGatewayProxyResult } from 'aws-lambda';
import { cognitoErrorOf } from '../lambdas/core/adapters/memory/cognito/public-api-wire';
import { memoryWorld } from '../lambdas/core/adapters/memory/world';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

/** Whether a request is a Cognito JSON-protocol call (`POST /` with `X-Amz-Target`). */
export function isCognitoCall(method: string, path: string, target: string | undefined): boolean {
  return method === 'POST' && path === '/' && typeof target === 'string' && target.startsWith(TARGET_PREFIX);
}

/**
 * Cognito's public API on the fake pool (mock mode), on the local server's
 * root path, as the AWS SDK calls it: point a client's endpoint at
 * `http://127.0.0.1:3000` to play a caller who goes around the API — anyone
 * with the client id (without the client secret), or a user with their own
 * access token (docs/security.md).
 */
export async function cognitoCall(target: string, body: string): Promise<APIGatewayProxyResult> {
  const headers = { 'Content-Type': 'application/x-amz-json-1.1' };
  try {
    const input = JSON.parse(body || '{}') as Record<string, unknown>;
    const output = await memoryWorld().cognito.api.call(target.slice(TARGET_PREFIX.length), input);
    return { statusCode: 200, headers, body: JSON.stringify(output) };
  } catch (error) {
    const { type, message } =
      error instanceof SyntaxError
        ? { type: 'SerializationException', message: 'The request body is not JSON.' }
        : cognitoErrorOf(error);
    return {
      statusCode: type === 'InternalErrorException' ? 500 : 400,
      headers: { ...headers, 'x-amzn-ErrorType': type },
      body: JSON.stringify({ __type: type, message }),
    };
  }
}
