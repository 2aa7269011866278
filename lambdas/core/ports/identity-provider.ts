import type { AuthOutcome } from '../domain/tokens';
import type { CognitoUserStatus } from '../domain/user';

/** A user as the identity provider (Cognito) sees it. */
export interface IdentityUser {
  /** Cognito's username; with email sign-in it is a UUID equal to `sub`. */
  username: string;
  sub: string;
  email: string;
  status: CognitoUserStatus;
  enabled: boolean;
  attributes: Record<string, string>;
  createdAt: Date;
}

/** Which invitation the temporary-password email is (a CustomMessage trigger can brand it). */
export type Invitation = 'applicant' | 'admin';

export interface CreateUserInput {
  email: string;
  /** @default 'applicant' */
  invitation?: Invitation;
  /** Extra attributes, e.g. `custom:role`. */
  attributes?: Record<string, string>;
  /** Leave unset to let Cognito generate one (the usual case). */
  temporaryPassword?: string;
}

/**
 * The identity port: the Cognito operations the handlers need. Adapters map
 * provider errors to domain errors (`core/domain/errors.ts`); provider error
 * names never leave an adapter.
 */
export interface IdentityProvider {
  /**
   * AdminCreateUser: creates the user in FORCE_CHANGE_PASSWORD; Cognito emails
   * the temporary password. Throws UserExistsError when the email is taken,
   * InvalidPasswordError for a given temporary password that fails the policy.
   */
  createUser(input: CreateUserInput): Promise<IdentityUser>;

  /**
   * AdminCreateUser with MessageAction RESEND: a new temporary password is
   * emailed and its validity restarts. Throws UserNotFoundError for an unknown
   * email and UserStateError when the user already set a password.
   */
  resendTemporaryPassword(email: string, invitation?: Invitation): Promise<void>;

  /** AdminAddUserToGroup. Throws UserNotFoundError for an unknown username. */
  addUserToGroup(username: string, group: string): Promise<void>;

  /** AdminListGroupsForUser: the group names. Throws UserNotFoundError for an unknown username. */
  groupsOf(username: string): Promise<string[]>;

  /** AdminDeleteUser. Idempotent: deleting a user that does not exist succeeds. */
  deleteUser(username: string): Promise<void>;

  /** AdminGetUser by email or username; undefined when there is no such user. */
  getUser(emailOrUsername: string): Promise<IdentityUser | undefined>;

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
