// No imports: DefineAuthChallenge reads these, and its bundle must stay at the empty handler's load.

/** The passwordless sign-in rules (docs/api.md routes 13-14, seed 003). */
export const SIGN_IN_CODE = {
  digits: 6,
  /** A code's own validity, from its issue time (the pool's authSessionValidity is set to the same). */
  validitySeconds: 180,
  /** Answers per code (per session). */
  attempts: 3,
  /** Codes mailed per address per window; further starts mail nothing. */
  perAddress: { hits: 5, windowSeconds: 15 * 60 },
  /** Failed sessions (three wrong answers) per address per window before the address is locked. */
  lockout: { hits: 5, windowSeconds: 60 * 60 },
} as const;

/** The one challenge name of this flow (Cognito's CUSTOM_AUTH). */
export const CUSTOM_CHALLENGE = 'CUSTOM_CHALLENGE';
