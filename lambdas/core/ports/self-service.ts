/**
 * Self-service: the Cognito APIs a signed-in user calls with their own access
 * token (no IAM permission): global sign-out and TOTP enrolment. Adapters map
 * provider errors to domain errors; a revoked or invalid token is
 * UnauthenticatedError.
 */
export interface SelfService {
  /** GlobalSignOut: every refresh token of the user stops working. */
  globalSignOut(accessToken: string): Promise<void>;

  /** AssociateSoftwareToken: a new TOTP secret (base32) for the user to enrol. */
  associateSoftwareToken(accessToken: string): Promise<{ secretCode: string }>;

  /** VerifySoftwareToken: checks a code of the secret being enrolled. Throws CodeMismatchError. */
  verifySoftwareToken(accessToken: string, code: string): Promise<void>;

  /**
   * SetUserMFAPreference for TOTP: enabled and preferred, or off. Only the
   * preference makes Cognito ask for the code at sign-in.
   */
  setTotpPreference(accessToken: string, enabled: boolean): Promise<void>;
}
