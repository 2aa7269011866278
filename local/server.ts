import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { generateTemporaryPassword } from '../lambdas/core/adapters/memory/cognito';
import type { OutboxMessage } from '../lambdas/core/adapters/memory/outbox';
import { memoryWorld } from '../lambdas/core/adapters/memory/world';
import { runsOnFakes } from '../lambdas/core/deps';
import { normalizeEmail } from '../lambdas/core/domain/email';
import { SECURITY_HEADERS } from '../lambdas/core/http/headers';
import { gatewayError } from './api-gateway';
import { cognitoCall, isCognitoCall } from './cognito-endpoint';
import { consoleAsset } from './console';
import { dispatch } from './dispatch';
import type { CognitoEmulator } from './emulators/types';
import { answeringEmulatorGaps } from './emulators/unsupported';
import { openApiDocument } from './openapi';
import { registryTriggers } from './triggers';
import { ensureBootstrapAdmin, loadWorld, sharedWorld, stateFile } from './world-file';

/** The server refuses to buffer more than this; the handlers enforce the API's 64 KiB. */
const MAX_READ_BYTES = 1024 * 1024;

export interface LocalServerOptions {
  /** What `GET /_local/outbox` lists: the fakes' (default), what an emulator sent; absent: no route. */
  outbox?: (to?: string) => OutboxMessage[] | Promise<OutboxMessage[]>;
  /**
   * On the emulators: a route that needs what this Cognito emulator lacks
   * answers `501 NOT_SUPPORTED_BY_EMULATOR` (local/emulators/unsupported.ts).
   */
  emulatorGaps?: CognitoEmulator;
  /** Around each request (`npm start`: the local world file shared with `npm run invoke`). */
  beforeRequest?: () => void;
  afterRequest?: () => void;
}

/** The local API: every registry route, plus `/health` and (when there is one) `/_local/outbox`. */
export function createLocalServer(options: LocalServerOptions = {}): Server {
  const outbox =
    options.outbox ?? (runsOnFakes() ? (to?: string) => memoryWorld().outbox.list(to) : undefined);
  return createServer((req, res) => {
    const started = Date.now();
    options.beforeRequest?.();
    handle(req, res, outbox, options.emulatorGaps)
      .catch((error: unknown) => {
        console.error(
          JSON.stringify({ level: 'error', event: 'local server failure', error: (error as Error).name }),
        );
        send(res, {
          statusCode: 500,
          headers: { ...SECURITY_HEADERS },
          body: JSON.stringify({
            error: { code: 'INTERNAL', message: 'Something went wrong on our side. Try again later.' },
          }),
        });
      })
      .finally(() => {
        options.afterRequest?.();
        // Method, path and status only: never the query (signatures) or the body.
        const path = (req.url ?? '/').split('?')[0];
        if (process.env.LOG_LEVEL !== 'silent') {
          console.info(`${req.method} ${path} -> ${res.statusCode} (${Date.now() - started} ms)`);
        }
      });
  });
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  outbox: LocalServerOptions['outbox'],
  emulatorGaps: CognitoEmulator | undefined,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = (req.method ?? 'GET').toUpperCase();

  if (method === 'GET' && url.pathname === '/health') {
    return send(res, json(200, { status: 'ok', mode: runsOnFakes() ? 'mock' : 'aws' }));
  }
  if (url.pathname.startsWith('/_local/')) {
    // Only for this machine by name, too: a page on another origin that rebinds its DNS name
    // to 127.0.0.1 sends its own Host, and must not read the outbox.
    if (
      !outbox ||
      method !== 'GET' ||
      url.pathname !== '/_local/outbox' ||
      !isLoopbackHost(req.headers.host)
    ) {
      return send(res, gatewayError(404, 'NOT_FOUND', 'No such route.'));
    }
    return send(res, json(200, { messages: await outbox(url.searchParams.get('to') ?? undefined) }));
  }

  const target = req.headers['x-amz-target'];
  // Like the outbox: for this machine by name only (a rebound DNS name sends its own Host).
  if (
    runsOnFakes() &&
    isLoopbackHost(req.headers.host) &&
    isCognitoCall(method, url.pathname, Array.isArray(target) ? target[0] : target)
  ) {
    const body = await readBody(req);
    if (body === undefined)
      return send(res, gatewayError(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.'));
    return send(res, await cognitoCall(String(target), body));
  }
  if (method === 'GET' && url.pathname === '/openapi.json') return send(res, json(200, openApiDocument()));
  const asset = method === 'GET' ? consoleAsset(url.pathname) : undefined;
  if (asset) return send(res, asset);

  const body = await readBody(req);
  if (body === undefined)
    return send(res, gatewayError(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.'));
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(',') : value;
  }
  const run = () =>
    dispatch({ method, path: url.pathname, headers, query: Object.fromEntries(url.searchParams), body });
  send(
    res,
    await (emulatorGaps ? answeringEmulatorGaps(`${method} ${url.pathname}`, run, emulatorGaps) : run()),
  );
}

/** `127.0.0.1` or `localhost`, with any port. */
export function isLoopbackHost(host: string | undefined): boolean {
  const name = (host ?? '').replace(/:\d+$/, '').toLowerCase();
  return name === '127.0.0.1' || name === 'localhost';
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_READ_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(statusCode: number, body: unknown) {
  return {
    statusCode,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}

function send(
  res: ServerResponse,
  answer: { statusCode: number; headers?: Record<string, unknown>; body: string },
) {
  if (res.headersSent) return;
  res.writeHead(answer.statusCode, answer.headers as Record<string, string>);
  res.end(answer.statusCode === 204 ? undefined : answer.body);
}

/** Listens on 127.0.0.1:`port`, prints `banner`, and closes cleanly on SIGINT/SIGTERM (then runs `onStop`). */
export function serve(
  port: number,
  banner: string[],
  options: LocalServerOptions = {},
  onStop: () => Promise<void> = async () => undefined,
): Server {
  const server = createLocalServer(options);
  server.listen(port, '127.0.0.1', () => console.info(banner.join('\n')));
  // A signal to the process group reaches this process twice (directly, and relayed by the
  // tsx wrapper): every signal after the first is absorbed, so the cleanup runs to its end.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    onStop().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return server;
}

/**
 * The local bootstrap admin's credentials: LOCAL_ADMIN_EMAIL (default
 * admin@example.com) and LOCAL_ADMIN_PASSWORD (default: generated), with the
 * banner lines that print them (docs/api.md asks for the generated password at start-up).
 */
export function localAdminCredentials(): { email: string; password: string; banner: string[] } {
  const email = normalizeEmail(process.env.LOCAL_ADMIN_EMAIL || 'admin@example.com');
  const fromEnv = process.env.LOCAL_ADMIN_PASSWORD;
  const password = fromEnv || generateTemporaryPassword() + randomBytes(2).toString('hex');
  return {
    email,
    password,
    banner: [
      `  bootstrap admin: ${email}`,
      fromEnv ? '  admin password: from LOCAL_ADMIN_PASSWORD' : `  admin password: ${password}`,
    ],
  };
}

/** Where the UserMigration trigger finds legacy users in this run (docs/flows/migration.md). */
function legacyUsersLine(): string {
  if (process.env.LEGACY_DATABASE_URL) return '  legacy users (migration at sign-in): LEGACY_DATABASE_URL';
  if (process.env.LEGACY_USERS_FILE)
    return `  legacy users (migration at sign-in): ${process.env.LEGACY_USERS_FILE}`;
  return '  legacy users: none (LEGACY_USERS_FILE=local/legacy-users.example.json to try the migration)';
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const host = '127.0.0.1';
  const lines = [`Cognito account backend, local API on http://${host}:${port}`];
  let hooks: LocalServerOptions = {};
  let onStop: () => Promise<void> = async () => undefined;
  if (runsOnFakes()) {
    const admin = localAdminCredentials();
    // The fake pool runs the project's own triggers (CustomMessage brands every email), as a deployed pool does.
    memoryWorld().cognito.useTriggers(registryTriggers());
    const shared = sharedWorld(memoryWorld());
    const loaded = loadWorld(memoryWorld());
    await ensureBootstrapAdmin(memoryWorld(), admin.email, admin.password);
    shared.afterRequest();
    hooks = { beforeRequest: shared.beforeRequest, afterRequest: shared.afterRequest };
    onStop = async () => shared.flush();
    lines.push(
      '  mode: mock (in-memory Cognito and DynamoDB; nothing leaves this machine)',
      ...admin.banner,
      `  outbox: GET http://${host}:${port}/_local/outbox`,
      `  admin console: http://${host}:${port}/console   OpenAPI: http://${host}:${port}/openapi.json`,
      legacyUsersLine(),
      `  local world: ${stateFile() ?? 'in memory only (LOCAL_STATE_FILE=off)'}${loaded ? ' (loaded)' : ''} — shared with npm run invoke`,
    );
  } else {
    lines.push('  mode: aws (real adapters; endpoints from the AWS SDK environment)');
  }
  serve(port, lines, hooks, onStop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`Local server failed to start: ${(error as Error).message}`);
    process.exit(1);
  });
}
