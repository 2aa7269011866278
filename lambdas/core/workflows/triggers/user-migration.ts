import { NotAuthorizedError, UserNotFoundError } from '../../domain/errors';
import { legacyPasswordMatches } from '../../domain/legacy-password';
import { passwordPolicyViolations } from '../../domain/pool-policy';
import type { LegacyUser, LegacyUserSource } from '../../ports/legacy-users';

/** What the UserMigration trigger answers Cognito (its `response`). */
export interface Migration {
  userAttributes: Record<string, string>;
  /** CONFIRMED: sign in with the old password; RESET_REQUIRED: it must be replaced first. */
  finalUserStatus: 'CONFIRMED' | 'RESET_REQUIRED';
  messageAction: 'SUPPRESS';
}

/** A bcrypt hash (cost 10, the usual legacy cost) of a random string: checked for unknown emails. */
const TIMING_HASH = '$2b$10$.Ya6gFKf0U6tx6rEK5TOZO8TyGBKwfmsWn39cWa5BHKXeIYiKgqia';

function attributesOf(user: LegacyUser): Record<string, string> {
  return {
    email: user.email.trim().toLowerCase(),
    email_verified: 'true',
    ...(user.name ? { name: user.name } : {}),
    'custom:legacy_id': user.id,
  };
}

/**
 * migrateOnSignIn — UserMigration_Authentication: the legacy user of this
 * email (case-insensitively) whose bcrypt hash matches the password, with
 * `custom:legacy_id`. Cognito does not check a migrated password against the
 * pool policy, so one that fails today's policy migrates as RESET_REQUIRED
 * (the sign-in then answers PASSWORD_RESET_REQUIRED and the user picks a new
 * one). A wrong password or an unknown email throws NotAuthorizedError — the
 * same 401 as any failed sign-in — and nothing is migrated.
 */
export async function migrateOnSignIn(
  ports: { legacy: LegacyUserSource },
  input: { email: string; password: string },
): Promise<Migration> {
  const user = await ports.legacy.findByEmail(input.email);
  // An unknown email still costs one bcrypt check, so the timing does not tell it apart.
  const matches = await legacyPasswordMatches(input.password, user?.passwordHash ?? TIMING_HASH);
  if (!user || !matches) throw new NotAuthorizedError();
  const weak = passwordPolicyViolations(input.password).length > 0;
  return {
    userAttributes: attributesOf(user),
    finalUserStatus: weak ? 'RESET_REQUIRED' : 'CONFIRMED',
    messageAction: 'SUPPRESS',
  };
}

/**
 * migrateOnForgotPassword — UserMigration_ForgotPassword: no password in the
 * event; the legacy user is migrated (RESET_REQUIRED) so Cognito mails the
 * reset code. An unknown email throws UserNotFoundError, which Cognito (with
 * PreventUserExistenceErrors) answers like every other reset request.
 */
export async function migrateOnForgotPassword(
  ports: { legacy: LegacyUserSource },
  input: { email: string },
): Promise<Migration> {
  const user = await ports.legacy.findByEmail(input.email);
  if (!user) throw new UserNotFoundError('User does not exist.');
  return { userAttributes: attributesOf(user), finalUserStatus: 'RESET_REQUIRED', messageAction: 'SUPPRESS' };
}
