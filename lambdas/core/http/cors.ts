import type { APIGatewayProxyEvent } from 'aws-lambda';
import { headerValue } from './headers';

/** The headers a browser client may send (the console sends the first three). */
export const CORS_ALLOWED_HEADERS = [
  'Content-Type',
  'Authorization',
  'Idempotency-Key',
  'Stripe-Signature',
  // Cognito's encoded user context data from a front end (core/caller-context.ts).
  'X-User-Context-Data',
];

let parsed: { raw: string; origins: ReadonlySet<string> } | undefined;

/** `CORS_ALLOWED_ORIGINS` (the stack's `corsOrigins`): exact origins, comma-separated; empty = none. */
function allowedOrigins(): ReadonlySet<string> {
  const raw = process.env.CORS_ALLOWED_ORIGINS ?? '';
  if (parsed?.raw !== raw) {
    parsed = {
      raw,
      origins: new Set(
        raw
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      ),
    };
  }
  return parsed.origins;
}

/**
 * CORS headers for an answer: only for a request whose `Origin` is on the
 * allow-list, echoing exactly that origin (never `*`, no credentials: the API
 * takes bearer tokens, not cookies). Nothing at all by default.
 */
export function corsHeaders(
  event: Pick<APIGatewayProxyEvent, 'headers'> | undefined,
): Record<string, string> {
  const origins = allowedOrigins();
  if (origins.size === 0) return {};
  const origin = headerValue(event?.headers ?? {}, 'origin');
  if (!origin || !origins.has(origin)) return { Vary: 'Origin' };
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': 'Retry-After',
    Vary: 'Origin',
  };
}
