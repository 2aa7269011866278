import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { memoryWorld } from '../lambdas/core/adapters/memory/world';
import { runsOnFakes } from '../lambdas/core/deps';
import type { OperationDefinition } from '../lambdas/core/operation-definition';
import { OPERATION_LIST, OPERATIONS, type OperationName } from '../lambdas/operations';
import { lambdaContext, loadHandler, proxyEvent } from './api-gateway';
import { signedInAs } from './invoke-identity';
import { registryTriggers } from './triggers';
import { loadWorld, resetWorld, saveWorld, stateFile } from './world-file';

/** The operations by area (the handler's folder), each with its route and caller. */
function operationsByArea(): string {
  const areas = new Map<string, OperationDefinition[]>();
  for (const op of OPERATION_LIST) {
    const area = op.entry.split('/')[0] as string;
    areas.set(area, [...(areas.get(area) ?? []), op]);
  }
  return [...areas]
    .map(
      ([area, ops]) =>
        `  ${area}:\n${ops.map((op) => `    ${op.name.padEnd(28)} ${`${op.method} ${op.path}`.padEnd(40)} ${op.access}`).join('\n')}`,
    )
    .join('\n');
}

export const USAGE = `Usage: npm run invoke -- <operation> [event.json] [--as <email>] [--event] [--reset]
       npm run invoke -- --outbox [email]

Runs one handler once, in this process, as API Gateway would (mock mode by
default, MOCK_MODE=true), and prints its answer.

  event.json   a full API Gateway proxy event, or a partial one merged onto a
               default event: {"body": ..., "headers": ..., "pathParameters": ...,
               "queryStringParameters": ..., "requestContext": ...}; a "body" that
               is an object is sent as JSON.
  --as <email> for a user or admin operation: sign in as this user of the local
               world (created on the spot, active, when it has none) and put the
               access token on the event; the authorizer emulation and the caller
               gate of npm start then run. Without it: the bootstrap admin
               (LOCAL_ADMIN_EMAIL, default admin@example.com).
  --event      print the event it would send, and stop (edit it, then pass it back;
               the identity of that run replaces the token it holds).
  --reset      start over from an empty local world (the bootstrap admin only).
  --outbox     print what the fakes "sent" (temporary passwords, codes), to one
               email or to all, and stop.

The local world (users, pool, tables, outbox) persists between runs in
.local/world.json and is the one npm start serves: a user created by one
invocation signs in with the next, or over HTTP (LOCAL_STATE_FILE moves it;
off keeps each run to itself). With MOCK_MODE=false the handler runs on the
real adapters (the AWS SDK environment says where: npm run start:emulators
prints the line that points it at its emulators), and a protected operation
takes its claims from the event file.

Operations (lambdas/operations.ts):
${operationsByArea()}

Examples:
  npm run invoke -- register local/events/register.json
  npm run invoke -- --outbox jane@example.com
  npm run invoke -- listUsers
  npm run invoke -- getProfile --as sam@example.com
  npm run invoke -- poolStatus --event`;

interface Args {
  name?: string;
  file?: string;
  as?: string;
  printEvent: boolean;
  reset: boolean;
  outbox: boolean;
}

function parse(argv: string[]): Args | string {
  const args: Args = { printEvent: false, reset: false, outbox: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--event') args.printEvent = true;
    else if (arg === '--reset') args.reset = true;
    else if (arg === '--outbox') args.outbox = true;
    else if (arg === '--as') {
      args.as = argv[++i];
      if (!args.as) return '--as needs an email.';
    } else if (arg.startsWith('--') && arg !== '--help') return `Unknown option ${arg}.`;
    else if (!args.name) args.name = arg;
    else if (!args.file) args.file = arg;
    else return `Unexpected argument ${arg}.`;
  }
  return args;
}

async function eventFor(operation: OperationDefinition, args: Args): Promise<APIGatewayProxyEvent> {
  const partial: Partial<APIGatewayProxyEvent> & { body?: unknown } = args.file
    ? JSON.parse(readFileSync(args.file, 'utf8'))
    : {};
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  let claims: Record<string, string> | undefined;
  if (runsOnFakes() && operation.access !== 'public' && operation.access !== 'webhook') {
    const identity = await signedInAs(memoryWorld(), args.as);
    if (identity.created) console.error(`(created ${identity.email}, active, in the local world)`);
    headers.authorization = `Bearer ${identity.token}`;
    claims = identity.claims;
  }
  const base = proxyEvent(
    { method: operation.method, path: operation.path, headers },
    { operation, pathParameters: {} },
    claims,
  );
  const body =
    typeof partial.body === 'string' || partial.body == null ? partial.body : JSON.stringify(partial.body);
  // The identity signed in now wins over a token an earlier run printed (each run has its own world).
  const signed = claims ? { authorization: headers.authorization as string } : {};
  const requestContext = { ...base.requestContext, ...partial.requestContext };
  return {
    ...base,
    ...partial,
    headers: { ...base.headers, ...partial.headers, ...signed },
    body: (body as string | null | undefined) ?? null,
    requestContext: claims
      ? { ...requestContext, authorizer: base.requestContext.authorizer }
      : requestContext,
  };
}

async function main(argv: string[]): Promise<number> {
  const args = parse(argv);
  if (typeof args === 'string') {
    console.error(`${args}\n\n${USAGE}`);
    return 2;
  }
  if (runsOnFakes()) {
    // The fake pool runs the project's own triggers, as a deployed pool does.
    memoryWorld().cognito.useTriggers(registryTriggers());
    if (args.reset) resetWorld();
    loadWorld(memoryWorld());
    if (args.outbox) {
      console.info(JSON.stringify({ messages: memoryWorld().outbox.list(args.name) }, null, 2));
      return 0;
    }
    if (args.reset && !args.name) {
      console.info(`Local world reset (${stateFile() ?? 'in memory only'}).`);
      return 0;
    }
  }
  if (!args.name || args.name === '--help' || args.name === '-h') {
    console.info(USAGE);
    return args.name ? 0 : 2;
  }
  const operation = OPERATIONS[args.name as OperationName];
  if (!operation) {
    console.error(`Unknown operation "${args.name}".\n\n${USAGE}`);
    return 2;
  }
  let event: APIGatewayProxyEvent;
  try {
    event = await eventFor(operation, args);
  } catch (error) {
    console.error(`Cannot build the event: ${(error as Error).message}`);
    return 2;
  }
  if (args.printEvent) {
    console.info(JSON.stringify(event, null, 2));
    return 0;
  }
  const handler = await loadHandler(operation);
  let result: Awaited<ReturnType<typeof handler>>;
  try {
    result = await handler(event, lambdaContext(operation.name));
  } finally {
    // What the run changed, the identity --as made included, even when the handler throws.
    if (runsOnFakes()) saveWorld(memoryWorld());
  }
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

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`invoke failed: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
