/**
 * Timeouts and retries of every AWS SDK client, explicit instead of the SDK's
 * defaults (no request timeout, a 300 s socket timeout, 3 attempts), so that
 * the longest workflow fits inside the function's 10 s (docs/decisions/0016-bounded-sagas.md,
 * "Bounded sagas"). These services answer in milliseconds in-region; a call
 * that takes a second is broken, and waiting longer only hides it.
 */
export const SDK_TIMEOUTS = {
  /** TCP connect. */
  connectionTimeoutMs: 300,
  /** From sending the request to the whole answer. */
  requestTimeoutMs: 1000,
  /** One try and one retry (the SDK's standard backoff, ~100 ms). */
  maxAttempts: 2,
} as const;

/**
 * Cognito calls that run Lambda triggers on the way: a password sign-in of an
 * unknown email (UserMigration: the legacy database and a bcrypt check), each
 * round of CUSTOM_AUTH (Define, Create — which mails the code — and Verify),
 * USER_AUTH's emailed code and ForgotPassword (CustomMessage, UserMigration).
 * Cognito gives each trigger up to 5 s, so one second is too short for a cold
 * chain, and a retry would run the chain again: a second code mailed, a second
 * bcrypt. One attempt, sized to a cold chain within the function's 10 s.
 */
export const TRIGGER_CALL_TIMEOUTS = {
  connectionTimeoutMs: 300,
  requestTimeoutMs: 6000,
  maxAttempts: 1,
} as const;

/** The worst time one SDK call can take with these settings (both attempts time out, plus backoff). */
export const WORST_CALL_MS =
  SDK_TIMEOUTS.maxAttempts * (SDK_TIMEOUTS.connectionTimeoutMs + SDK_TIMEOUTS.requestTimeoutMs) + 200;
