// No imports: DefineAuthChallenge reads these, and its bundle must stay at the empty handler's load.

/** The passwordless sign-in rules (docs/api.md routes 13-14, seed 003). */
export const SIGN_IN_CODE = {
  digits: 6,
  /** A code's own validity, from its issue time (the pool's authSessionValidity is set to the same). */
  validitySeconds: 180,
  /** Answers per code (per session). */
  attempts: 3,
  /**
   * Codes mailed per address per window, one budget for both ways a code is mailed: the
   * passwordless start (CreateAuthChallenge) and USER_AUTH's EMAIL_OTP (the API counts before
   * Cognito mails it), both under `SIGN_IN_CODE_SCOPE`. Further passwordless starts mail nothing;
   * further EMAIL_OTP starts answer 429.
   */
  perAddress: { hits: 5, windowSeconds: 15 * 60 },
  /** Failed sessions (three wrong answers) per address per window before the address is locked. */
  lockout: { hits: 5, windowSeconds: 60 * 60 },
} as const;

/** The rate-limit scope of that budget (its key: the scope and the normalized address's SHA-256). */
export const SIGN_IN_CODE_SCOPE = 'sign-in-code';

/** The one challenge name of this flow (Cognito's CUSTOM_AUTH). */
export const CUSTOM_CHALLENGE = 'CUSTOM_CHALLENGE';
