/**
 * Account administration: the Admin* APIs an administrator uses on someone
 * else's account (IAM-authorized, with the function's own permissions).
 * Every method takes the Cognito username and throws UserNotFoundError for an
 * unknown one; provider error names never leave an adapter.
 */
export interface AccountAdmin {
  /**
   * AdminResetUserPassword: the password stops working, Cognito emails a
   * reset code, and the user must choose a new one (RESET_REQUIRED).
   */
  resetPassword(username: string): Promise<void>;

  /**
   * AdminSetUserPassword: `permanent` makes it the user's password
   * (CONFIRMED); otherwise a temporary one (FORCE_CHANGE_PASSWORD). Throws
   * InvalidPasswordError when it fails the policy.
   */
  setPassword(username: string, password: string, permanent: boolean): Promise<void>;

  /** AdminUpdateUserAttributes (callers pass only allow-listed names). */
  updateAttributes(username: string, attributes: Record<string, string>): Promise<void>;

  /**
   * AdminSetUserMFAPreference: enables or disables each method (TOTP enabled
   * is also preferred). It never resets an existing TOTP secret; enabling TOTP
   * for a user who never verified an app fails with CodeMismatchError.
   */
  setMfaPreference(username: string, preference: { totp: boolean; sms: boolean }): Promise<void>;

  /** AdminUserGlobalSignOut: every refresh token of the user dies. */
  globalSignOut(username: string): Promise<void>;
}
