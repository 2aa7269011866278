import type { IdentityUser, Invitation } from './identity-user';

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
 * The user directory: Cognito's Admin* APIs, called with the function's own
 * IAM permissions on the pool. Adapters map provider errors to domain errors
 * (`core/domain/errors.ts`); provider error names never leave an adapter.
 */
export interface UserDirectory {
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

  /** AdminRemoveUserFromGroup. Throws UserNotFoundError for an unknown username. */
  removeUserFromGroup(username: string, group: string): Promise<void>;

  /**
   * AdminEnableUser / AdminDisableUser. A disabled user cannot sign in or
   * refresh; the tokens they hold are refused by the API's caller gate.
   * Throws UserNotFoundError for an unknown username.
   */
  setEnabled(username: string, enabled: boolean): Promise<void>;

  /** AdminListGroupsForUser: the group names. Throws UserNotFoundError for an unknown username. */
  groupsOf(username: string): Promise<string[]>;

  /** AdminDeleteUser. Idempotent: deleting a user that does not exist succeeds. */
  deleteUser(username: string): Promise<void>;

  /** AdminGetUser by email or username; undefined when there is no such user. */
  getUser(emailOrUsername: string): Promise<IdentityUser | undefined>;
}
