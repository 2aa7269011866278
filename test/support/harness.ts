import type { APIGatewayProxyResult } from 'aws-lambda';
import {
  type MemoryWorld,
  resetMemoryWorld,
  seedAdmin,
  type WorldOptions,
} from '../../lambdas/core/adapters/memory/world';
import { totpCode } from '../../lambdas/core/domain/totp';
import { hmacHex } from '../../lambdas/core/http/webhook-signature';
import { OPERATIONS, type OperationName } from '../../lambdas/operations';
import { invokeOperation } from '../../local/dispatch';
import { registryTriggers } from '../../local/triggers';
import { expectDocumented } from './openapi-responses';

export const WEBHOOK_SECRET = 'local-webhook-secret';
export const BILLING_SECRET = 'local-billing-secret';
export const STRONG_PASSWORD = 'Str0ng!Passw0rd';

/**
 * A fresh mock world with a clock the test moves by hand. Its pool runs the
 * project's own triggers from the registry, as `npm start` does.
 */
export function freshWorld(options: WorldOptions = {}): MemoryWorld & { advance(ms: number): void } {
  let now = Date.now();
  const world = resetMemoryWorld({ clock: () => new Date(now), triggers: registryTriggers(), ...options });
  return Object.assign(world, {
    advance(ms: number) {
      now += ms;
    },
  });
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, string>;
  body: T;
  raw: APIGatewayProxyResult;
}

export interface CallOptions {
  body?: unknown;
  /** Sent verbatim instead of JSON-encoding `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /** An access token, sent as `Authorization: Bearer`. */
  token?: string;
  pathParameters?: Record<string, string>;
}

/**
 * Invokes an operation's handler with a real API Gateway proxy event, through
 * the same authorizer emulation the local server uses.
 */
export async function call<T = Record<string, unknown>>(
  name: OperationName,
  options: CallOptions = {},
): Promise<Answer<T>> {
  const operation = OPERATIONS[name];
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const raw = await invokeOperation(
    operation,
    { method: operation.method, path: operation.path, headers, query: options.query, body },
    options.pathParameters,
  );
  const answer = raw.body ? JSON.parse(raw.body) : undefined;
  // Every answer a test sees is one the OpenAPI document describes (status, and body by its schema).
  expectDocumented(`${operation.method} ${operation.path}`, raw.statusCode, answer);
  return {
    status: raw.statusCode,
    headers: (raw.headers ?? {}) as Record<string, string>,
    body: answer as T,
    raw,
  };
}

/** POST /applications with a valid signature over exactly the bytes sent. */
export function submitApplication(body: unknown, secret = WEBHOOK_SECRET) {
  const rawBody = JSON.stringify(body);
  return call('createCognitoUser', { rawBody, query: { signature: hmacHex(secret, rawBody) } });
}

/** The temporary password Cognito (the fake) emailed most recently to `email`. */
export function temporaryPasswordOf(world: MemoryWorld, email: string): string {
  const message = world.outbox.latest(email, 'TEMPORARY_PASSWORD');
  if (!message?.secret) throw new Error(`No temporary password was sent to ${email}.`);
  return message.secret;
}

/** Runs the applicant flow to the end and returns the tokens. */
export async function activatedApplicant(world: MemoryWorld, email: string, password = STRONG_PASSWORD) {
  await submitApplication({ email });
  const answer = await call<{ tokens: { accessToken: string; idToken: string; refreshToken: string } }>(
    'handleNewPasswordChallenge',
    { body: { email, temporaryPassword: temporaryPasswordOf(world, email), newPassword: password } },
  );
  if (answer.status !== 200) throw new Error(`new-password answered ${answer.status}`);
  return answer.body.tokens;
}

/** Seeds an admin (Cognito group + active admin User and AdminInfo records) and returns their access token. */
export async function adminToken(world: MemoryWorld, email = 'root-admin@example.com'): Promise<string> {
  await seedAdmin(world, { email, password: STRONG_PASSWORD, createdBy: 'test' });
  const login = await call<{ tokens: { accessToken: string } }>('login', {
    body: { email, password: STRONG_PASSWORD },
  });
  return login.body.tokens.accessToken;
}

/** A user as the admin routes answer it (the fields the admin tests read). */
export type AdminUserView = {
  userId: string;
  email: string;
  status: string;
  role: string;
  enabled?: boolean;
  mfa: Record<string, unknown>;
  cognitoStatus?: string;
  name?: string;
};

/** Enrolls TOTP for the holder of `accessToken` (start, then a code of a fresh step); returns both answers. */
export async function enrollTotp(world: ReturnType<typeof freshWorld>, accessToken: string) {
  const start = await call<{ secretCode: string; otpauthUri: string }>('startTotpEnrollment', {
    token: accessToken,
  });
  world.advance(30_000); // a fresh step: the code of each step is good once
  const verify = await call('verifyTotpEnrollment', {
    token: accessToken,
    body: { code: totpCode(start.body.secretCode, world.clock().getTime()) },
  });
  return { start, verify, secret: start.body.secretCode };
}

/** A fresh world with an admin and an activated user: the admin's token, the user's tokens and id. */
export async function adminAndUser(email: string) {
  const world = freshWorld();
  const admin = await adminToken(world);
  const tokens = await activatedApplicant(world, email);
  const userId = (await world.users.findByEmail(email))?.userId as string;
  return { world, admin, tokens, userId };
}
