import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who is on the other end of the request being served, for Cognito's threat
 * protection (`UserContextData`): the caller's IP address as API Gateway saw
 * it, and the encoded device data a front end may send (Cognito's
 * advanced-security script, in the `X-User-Context-Data` header). The HTTP
 * preset sets it per request; the Cognito adapter adds it to the calls that
 * take it, so no port needs a parameter for it. Empty outside a request.
 */
export interface CallerContext {
  ipAddress?: string;
  encodedData?: string;
}

/** The header a front end puts Cognito's encoded user context data in. */
export const USER_CONTEXT_HEADER = 'X-User-Context-Data';

const storage = new AsyncLocalStorage<CallerContext>();

export function withCallerContext<T>(context: CallerContext, work: () => Promise<T>): Promise<T> {
  return storage.run(context, work);
}

export function callerContext(): CallerContext {
  return storage.getStore() ?? {};
}
