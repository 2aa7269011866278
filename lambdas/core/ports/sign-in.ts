import type { AuthOutcome } from '../domain/tokens';

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
}
