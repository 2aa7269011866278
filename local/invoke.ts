import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { memoryWorld } from '../lambdas/core/adapters/memory/world';
import { runsOnFakes } from '../lambdas/core/deps';
import { OPERATIONS, type OperationName } from '../lambdas/operations';
import { lambdaContext, loadHandler, proxyEvent } from './api-gateway';
import { registryTriggers } from './triggers';

const USAGE = `Usage: npm run invoke -- <operation> [event.json]

Runs one handler once, in this process, and prints its answer.
<operation> is a name from lambdas/operations.ts: ${Object.keys(OPERATIONS).join(', ')}.
event.json is a full API Gateway proxy event, or a partial one
({"body": ..., "headers": ..., "queryStringParameters": ..., "pathParameters": ...,
  "requestContext": {"authorizer": {"claims": {...}}}}) merged onto a default event.
A "body" that is an object is sent as JSON. MOCK_MODE defaults to true.`;

async function main(argv: string[]): Promise<number> {
  // The fake pool runs the project's own triggers, as a deployed pool does.
  if (runsOnFakes()) memoryWorld().cognito.useTriggers(registryTriggers());
  const [name, file] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.info(USAGE);
    return name ? 0 : 2;
  }
  const operation = OPERATIONS[name as OperationName];
  if (!operation) {
    console.error(`Unknown operation "${name}".\n\n${USAGE}`);
    return 2;
  }
  let partial: Partial<APIGatewayProxyEvent> & { body?: unknown } = {};
  if (file) {
    try {
      partial = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      console.error(`Cannot read ${file} as JSON: ${(error as Error).message}`);
      return 2;
    }
  }
  const base = proxyEvent(
    { method: operation.method, path: operation.path, headers: { 'content-type': 'application/json' } },
    { operation, pathParameters: {} },
  );
  const body =
    typeof partial.body === 'string' || partial.body == null ? partial.body : JSON.stringify(partial.body);
  const event: APIGatewayProxyEvent = {
    ...base,
    ...partial,
    headers: { ...base.headers, ...partial.headers },
    body: (body as string | null | undefined) ?? null,
    requestContext: { ...base.requestContext, ...partial.requestContext },
  };
  const handler = await loadHandler(operation);
  const result = await handler(event, lambdaContext(operation.name));
  let shownBody: unknown = result.body;
  try {
    shownBody = result.body ? JSON.parse(result.body) : undefined;
  } catch {
    // not JSON: print as is
  }
  console.info(
    JSON.stringify({ statusCode: result.statusCode, headers: result.headers, body: shownBody }, null, 2),
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`invoke failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
