import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './api';

/**
 * The typed client of the account API: openapi-fetch over the types that
 * openapi-typescript generates from docs/openapi.json (client/api.d.ts,
 * `npm run docs:openapi`). Every route, body, answer and error code is typed;
 * `examples/sign-in.ts` and docs/client.md show it in use.
 */
export type { components, operations, paths } from './api';

type Schemas = components['schemas'];
export type Tokens = Schemas['Tokens'];
export type Challenge = Schemas['Challenge'];
export type AuthOutcome = Schemas['AuthOutcome'];
export type User = Schemas['User'];
export type Profile = Schemas['Profile'];
export type UserPage = Schemas['UserPage'];
/** Every error answer: `{error: {code, message}}`, `code` one of the contract's stable codes. */
export type ApiError = Schemas['Error'];

export type AccountClient = Client<paths>;

export interface AccountClientOptions {
  /** The access token to send as `Authorization: Bearer` (read before each request; none: no header). */
  accessToken?: () => string | undefined;
  /** A fetch to use instead of the global one (tests, instrumentation). */
  fetch?: typeof fetch;
}

/** A client of the API at `baseUrl` (the stack's `ApiUrl` output, or `http://127.0.0.1:3000` for `npm start`). */
export function accountClient(baseUrl: string, options: AccountClientOptions = {}): AccountClient {
  const client = createClient<paths>({ baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const { accessToken } = options;
  if (accessToken) client.use(bearer(accessToken));
  return client;
}

function bearer(accessToken: () => string | undefined): Middleware {
  return {
    onRequest({ request }) {
      const token = accessToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
  };
}
