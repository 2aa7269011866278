/**
 * Self-service: the Cognito APIs a user calls for themselves, with no IAM
 * permission: password reset by email code (public client APIs), and, with
 * their own access token, global sign-out and TOTP enrollment. Adapters map
 * provider errors to domain errors; a revoked or invalid token is
 * UnauthenticatedError.
 */
/** A self sign-up: the ticket is the API's signature the PreSignUp trigger checks. */
export interface SignUpInput {
  email: string;
  password: string;
  name?: string;
  ticket: string;
}

/** What Cognito's GetUser says of the user behind an access token. */
export interface SessionUser {
  username: string;
  email?: string;
  /** TOTP is among the user's enabled MFA methods (`UserMFASettingList`). */
  totpEnabled: boolean;
}

export interface SelfService {
  /**
   * SignUp: an UNCONFIRMED user; Cognito emails a 6-digit code, and answers
   * a session for ConfirmSignUp. `ticket`
   * goes to the PreSignUp trigger (ClientMetadata), which refuses a sign-up
   * without a valid one. Throws UserExistsError for a taken email (callers
   * must not show it), InvalidPasswordError.
   */
  signUp(input: SignUpInput): Promise<{ userSub: string; session?: string }>;

  /**
   * ConfirmSignUp. With SignUp's `session`, a right code answers a session
   * that signs the user in once (InitiateAuth USER_AUTH with it, no other
   * factor). Throws CodeMismatchError (also for an unknown or already
   * confirmed user), CodeExpiredError, TooManyRequestsError.
   */
  confirmSignUp(email: string, code: string, session?: string): Promise<{ session?: string }>;

  /** ResendConfirmationCode: a new code for an UNCONFIRMED user; anyone else answers the same. */
  resendConfirmationCode(email: string): Promise<void>;

  /**
   * ForgotPassword: Cognito emails a reset code. With PreventUserExistenceErrors
   * an unknown email answers the same; callers swallow provider errors anyway.
   */
  forgotPassword(email: string): Promise<void>;

  /**
   * ConfirmForgotPassword: sets the new password. Throws CodeMismatchError
   * (also for an unknown email), CodeExpiredError, InvalidPasswordError,
   * TooManyRequestsError after too many wrong codes.
   */
  confirmForgotPassword(input: { email: string; code: string; newPassword: string }): Promise<void>;

  /** GlobalSignOut: every refresh token of the user stops working. */
  globalSignOut(accessToken: string): Promise<void>;

  /**
   * GetUser with the user's access token: Cognito's own verdict on it. Throws
   * UnauthenticatedError when Cognito refuses the token — revoked (a
   * GlobalSignOut, RevokeToken or AdminUserGlobalSignOut sent anywhere), its
   * user disabled or deleted (also straight in Cognito).
   */
  getUser(accessToken: string): Promise<SessionUser>;

  /** AssociateSoftwareToken: a new TOTP secret (base32) for the user to enroll. */
  associateSoftwareToken(accessToken: string): Promise<{ secretCode: string }>;

  /** VerifySoftwareToken: checks a code of the secret being enrolled. Throws CodeMismatchError. */
  verifySoftwareToken(accessToken: string, code: string): Promise<void>;

  /**
   * SetUserMFAPreference for TOTP: enabled and preferred, or off. Only the
   * preference makes Cognito ask for the code at sign-in.
   */
  setTotpPreference(accessToken: string, enabled: boolean): Promise<void>;
}
