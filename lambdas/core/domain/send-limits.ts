import { SIGN_IN_CODE } from './sign-in-rules';

/**
 * The API's limits on the emails an unauthenticated caller can make Cognito
 * send — temporary-password resends, sign-up code resends, password resets —
 * defined once: per address, and for all addresses together, per window
 * (docs/api.md). Counted before any lookup, so known and unknown emails meet
 * the same limit. The sign-in codes have their own (`SIGN_IN_CODE`).
 */
export const SEND_WINDOW_SECONDS = 15 * 60;

/**
 * USER_AUTH's emailed sign-in codes (Cognito sends them): per address only,
 * one budget with the passwordless codes (`SIGN_IN_CODE.perAddress`) — a limit
 * for all addresses together would stop sign-ins, not just floods.
 */
export const EMAIL_OTP_SEND_LIMIT = SIGN_IN_CODE.perAddress;

export const EMAIL_SEND_LIMITS = {
  perEmail: { hits: 3, windowSeconds: SEND_WINDOW_SECONDS },
  global: { hits: 200, windowSeconds: SEND_WINDOW_SECONDS },
} as const;
