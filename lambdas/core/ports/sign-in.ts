import type { AuthOutcome, ChallengeName, Tokens } from '../domain/tokens';

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
   * session first), `newPassword` NEW_PASSWORD_REQUIRED. Throws
   * CodeMismatchError for a wrong code, InvalidSessionError for an expired or
   * used session, InvalidPasswordError.
   */
  respondToChallenge(input: ChallengeAnswer): Promise<AuthOutcome>;

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
}
