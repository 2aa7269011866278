import { createHmac, timingSafeEqual } from 'node:crypto';
import { normalizeEmail } from './email';

/** The `ClientMetadata` key that carries the ticket to the PreSignUp trigger. */
export const SIGN_UP_TICKET_FIELD = 'signUpTicket';

/** How long a ticket admits its sign-up: one SignUp call, so minutes are plenty. */
export const SIGN_UP_TICKET_TTL_SECONDS = 300;

function mac(key: string, email: string, expires: number): Buffer {
  return createHmac('sha256', key)
    .update(`sign-up|${normalizeEmail(email)}|${expires}`)
    .digest();
}

/**
 * A sign-up ticket: `<expiry, unix seconds>.<hex HMAC-SHA256 of the email and
 * expiry>`. `POST /auth/register` puts one in the SignUp call's
 * ClientMetadata; the PreSignUp trigger admits only sign-ups that carry a
 * valid one, so nobody creates accounts by calling the pool's public SignUp
 * around the API (its limits, its uniform answers).
 */
export function signUpTicket(key: string, email: string, now: Date): string {
  const expires = Math.floor(now.getTime() / 1000) + SIGN_UP_TICKET_TTL_SECONDS;
  return `${expires}.${mac(key, email, expires).toString('hex')}`;
}

/** Whether `ticket` was issued with `key` for `email` and has not expired (constant-time compare). */
export function validSignUpTicket(key: string, email: string, ticket: unknown, now: Date): boolean {
  if (typeof ticket !== 'string') return false;
  const match = /^(\d{1,12})\.([0-9a-f]{64})$/.exec(ticket);
  if (!match) return false;
  const expires = Number(match[1]);
  const given = Buffer.from(match[2] as string, 'hex');
  const expected = mac(key, email, expires);
  return timingSafeEqual(given, expected) && now.getTime() / 1000 <= expires;
}
