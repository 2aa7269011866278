import { AsyncLocalStorage } from 'node:async_hooks';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { gatewayError, matchRoute } from '../api-gateway';
import { onSdkCall } from '../sdk-calls';
import { EMULATOR_GAPS, ROUTES_BEYOND } from './gaps';
import type { CognitoEmulator } from './types';

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
 * unsupported (the request's store, through the SDK call it made).
 */
function install(): void {
  if (installed) return;
  installed = true;
  onSdkCall(({ result }) => {
    const current = request.getStore();
    if (!current) return;
    result.catch((error: unknown) => {
      if (isEmulatorGap(error)) current.missing ??= missingApi(error.message);
    });
  });
}

/**
 * Runs one local API request (`route`: `METHOD /path`) on `emulator`; when the
 * route needs one of its gaps up front (ROUTES_BEYOND), or cognito-local
 * refused a call the route made as unsupported, the answer is `501 NOT_SUPPORTED_BY_EMULATOR` naming
 * what it lacks, whatever the handler made of the failure (a 500, or the
 * same 202 an enumeration-safe route gives for everything).
 */
export async function answeringEmulatorGaps(
  route: string,
  run: () => Promise<APIGatewayProxyResult>,
  emulator: CognitoEmulator = 'cognito-local',
): Promise<APIGatewayProxyResult> {
  const beyond = ROUTES_BEYOND[emulator][routeTemplate(route)];
  if (beyond) return notSupported(EMULATOR_GAPS[emulator][beyond] ?? beyond);
  // moto answers what it lacks with plain errors, so its gaps are all answered up front.
  if (emulator === 'moto') return run();
  install();
  const current: { missing?: string } = {};
  const answer = await request.run(current, run);
  return current.missing ? notSupported(`cognito-local does not implement ${current.missing}`) : answer;
}

/** `DELETE /me/passkeys/abc` -> `DELETE /me/passkeys/{credentialId}`, as the registry spells the route. */
function routeTemplate(route: string): string {
  const [method = '', path = ''] = route.split(' ');
  try {
    const match = matchRoute(method, path);
    return match ? `${match.operation.method} ${match.operation.path}` : route;
  } catch {
    return route; // a malformed path: the gateway answers it 400 anyway
  }
}

function notSupported(what: string): APIGatewayProxyResult {
  return gatewayError(
    501,
    NOT_SUPPORTED_BY_EMULATOR,
    `${what}, which this route needs. Cognito does; so does npm start (mock mode).`,
  );
}
