import { AsyncLocalStorage } from 'node:async_hooks';
import { Client } from '@smithy/core/client';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { gatewayError } from '../api-gateway';
import { COGNITO_LOCAL_GAPS, ROUTES_BEYOND_COGNITO_LOCAL } from './gaps';

/** The code the local API on the emulators answers when cognito-local lacks what a route needs. */
export const NOT_SUPPORTED_BY_EMULATOR = 'NOT_SUPPORTED_BY_EMULATOR';

const PREFIX = 'Cognito Local unsupported feature: ';
const request = new AsyncLocalStorage<{ missing?: string }>();
let installed = false;

/**
 * cognito-local's own answer for what it lacks (HTTP 500, `__type`
 * `CognitoLocal#Unsupported`, which the SDK names `Unsupported`).
 */
export function isEmulatorGap(error: unknown): error is Error {
  return error instanceof Error && error.name === 'Unsupported' && error.message.startsWith(PREFIX);
}

/** What is missing, from cognito-local's message: the Cognito API, or the feature it names. */
export function missingApi(message: string): string {
  const detail = message.slice(PREFIX.length);
  return /x-amz-target header "(\w+)"/.exec(detail)?.[1] ?? detail;
}

/**
 * Notes, per local API request, an SDK call cognito-local refused as
 * unsupported (wrapping the SDK's one `Client.prototype.send`, in this
 * process only: the local server on the emulators, never a bundle).
 */
function install(): void {
  if (installed) return;
  installed = true;
  const send = Client.prototype.send;
  Client.prototype.send = function noted(this: unknown, ...args: unknown[]) {
    // biome-ignore lint/suspicious/noExplicitAny: the SDK's own overloads, passed through unchanged
    const result = (send as any).apply(this, args);
    const current = request.getStore();
    if (current && result && typeof result.catch === 'function') {
      result.catch((error: unknown) => {
        if (isEmulatorGap(error)) current.missing ??= missingApi(error.message);
      });
    }
    return result;
  } as typeof send;
}

/**
 * Runs one local API request (`route`: `METHOD /path`); when cognito-local
 * refused a call the route made as unsupported, or the route needs a gap
 * before it would reach cognito-local (ROUTES_BEYOND_COGNITO_LOCAL), the answer is `501 NOT_SUPPORTED_BY_EMULATOR` naming
 * what it lacks, whatever the handler made of the failure (a 500, or the
 * same 202 an enumeration-safe route gives for everything).
 */
export async function answeringEmulatorGaps(
  route: string,
  run: () => Promise<APIGatewayProxyResult>,
): Promise<APIGatewayProxyResult> {
  const beyond = ROUTES_BEYOND_COGNITO_LOCAL[route];
  if (beyond) return notSupported(COGNITO_LOCAL_GAPS[beyond]);
  install();
  const current: { missing?: string } = {};
  const answer = await request.run(current, run);
  return current.missing ? notSupported(`cognito-local does not implement ${current.missing}`) : answer;
}

function notSupported(what: string): APIGatewayProxyResult {
  return gatewayError(
    501,
    NOT_SUPPORTED_BY_EMULATOR,
    `${what}, which this route needs. Cognito does; so does npm start (mock mode).`,
  );
}
