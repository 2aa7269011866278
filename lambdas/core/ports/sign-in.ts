import type { AuthOutcome, ChallengeName, FirstFactor, Tokens } from '../domain/tokens';

/**
 * An answer to a sign-in challenge: `code` for an MFA code (for MFA_SETUP, a
 * code of the secret the challenge carried), `newPassword` for NEW_PASSWORD_REQUIRED.
 */
export interface ChallengeAnswer {
  email: string;
  session: string;
  name: ChallengeName;
  code?: string;
  newPassword?: string;
  /** SELECT_CHALLENGE: the factor chosen. */
  answer?: FirstFactor;
  /** PASSWORD, or SELECT_CHALLENGE with `answer: PASSWORD`. */
  password?: string;
  /** WEB_AUTHN, or SELECT_CHALLENGE with `answer: WEB_AUTHN`: the browser's AuthenticationResponseJSON. */
  credential?: Record<string, unknown>;
}

/**
 * Sign-in: Cognito's public authentication APIs (InitiateAuth,
 * RespondToAuthChallenge), which need no IAM permission. Adapters map
 * provider errors to domain errors; provider error names never leave an adapter.
 */
export interface SignIn {
  /**
   * InitiateAuth USER_PASSWORD_AUTH: tokens, or the challenge to answer.
   * Throws NotAuthorizedError (identical for unknown users),
   * TemporaryPasswordExpiredError, UserNotConfirmedError, PasswordResetRequiredError.
   */
  passwordLogin(email: string, password: string): Promise<AuthOutcome>;

  /**
   * RespondToAuthChallenge NEW_PASSWORD_REQUIRED: sets the permanent password
   * and confirms the user. Throws InvalidPasswordError, InvalidSessionError.
   */
  respondToNewPasswordChallenge(input: {
    email: string;
    session: string;
    newPassword: string;
  }): Promise<AuthOutcome>;

  /**
   * MFA_SETUP (a pool that requires MFA, for a user without it): Cognito
   * `AssociateSoftwareToken` with the challenge session gives the TOTP secret
   * and the session to answer with. Throws InvalidSessionError.
   */
  startMfaSetup(session: string): Promise<{ secretCode: string; session: string }>;

  /**
   * RespondToAuthChallenge for any challenge the API surfaces: `code` answers
   * SOFTWARE_TOKEN_MFA / SMS_MFA, and MFA_SETUP (VerifySoftwareToken with the
   * session first), `newPassword` NEW_PASSWORD_REQUIRED; USER_AUTH's
   * SELECT_CHALLENGE (`answer`, with `password` or `credential` when it
   * completes the sign-in), EMAIL_OTP (`code`), PASSWORD (`password`) and
   * WEB_AUTHN (`credential`). Throws CodeMismatchError for a wrong code,
   * InvalidSessionError for an expired or used session, InvalidPasswordError,
   * NotAuthorizedError for a wrong password or a refused passkey.
   */
  respondToChallenge(input: ChallengeAnswer): Promise<AuthOutcome>;

  /**
   * InitiateAuth USER_AUTH (choice-based sign-in): SELECT_CHALLENGE with the
   * factors on offer, or with `preferred` that factor's challenge (EMAIL_OTP
   * mails a code; WEB_AUTHN carries the request options); the same shape for
   * an unknown email. `session` (from ConfirmSignUp) signs a just-confirmed
   * user in without another factor. Throws NotAuthorizedError,
   * UserNotConfirmedError, FeatureNotConfiguredError for a factor the pool
   * does not offer.
   */
  startUserAuth(input: { email: string; preferred?: FirstFactor; session?: string }): Promise<AuthOutcome>;

  /**
   * InitiateAuth CUSTOM_AUTH (the passwordless triggers): a CUSTOM_CHALLENGE
   * with its public parameters, the same for an unknown address. Throws
   * NotAuthorizedError, UserNotConfirmedError.
   */
  startCustomAuth(email: string): Promise<AuthOutcome>;

  /**
   * RespondToAuthChallenge CUSTOM_CHALLENGE with `answer`: tokens, or the next
   * round's challenge after a wrong answer. Throws NotAuthorizedError when the
   * attempt has failed, InvalidSessionError for a spent or expired session.
   */
  answerCustomChallenge(input: { email: string; session: string; answer: string }): Promise<AuthOutcome>;

  /**
   * New ID and access tokens for a refresh token (REFRESH_TOKEN_AUTH, or
   * GetTokensFromRefreshToken when the pool rotates refresh tokens, which
   * then returns the new refresh token). Throws NotAuthorizedError for a
   * refresh token that was revoked (sign-out), or whose user is disabled or gone.
   */
  refresh(refreshToken: string): Promise<Tokens>;

  /** RevokeToken: the refresh token, and the tokens issued with it, stop working. */
  revoke(refreshToken: string): Promise<void>;
}
