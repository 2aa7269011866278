import { INITIAL_STATUS } from '../../domain/onboarding';
import { ADMIN_GROUP } from '../../domain/pool-policy';
import { type CognitoUserStatus, newUserRecord, type UserRecord } from '../../domain/user';
import type { AdminInfoRecord, AdminStore } from '../../ports/admin-store';
import type { UserDirectory } from '../../ports/user-directory';

/** The two steps of the admin provisioning saga (admins/provision-new-admin.ts), each on its own port. */

/**
 * createAdminUser — the Cognito half of a new admin.
 *
 * What it does: calls Cognito `AdminCreateUser` with the email as username and
 * `DesiredDeliveryMediums: ['EMAIL']`; unless `temporaryPassword` is given,
 * Cognito generates the temporary password and emails the invitation
 * (`ClientMetadata.invitation = 'admin'`, for a CustomMessage trigger). Then
 * `AdminAddUserToGroup` puts the user in the `admin` group.
 *
 * @param directory the user directory (Cognito, or its fake in mock mode)
 * @param email the new admin's email (trimmed, lower-cased)
 * @param temporaryPassword optional; must satisfy the password policy
 * @returns the Cognito `username` (= `sub`, a UUID) and `status`
 *   (`FORCE_CHANGE_PASSWORD`); `inGroup` says whether the group step ran, so a
 *   failure after creation can be compensated.
 * @throws UserExistsError when the email already has an account (admin or not);
 *   InvalidPasswordError for a given temporary password that fails the policy;
 *   GroupAssignmentError (carrying the username) when the group step fails.
 */
export async function createAdminUser(
  directory: UserDirectory,
  email: string,
  temporaryPassword?: string,
  /** Runs between the two calls; throwing there counts as a failed group step (the saga's deadline). */
  beforeGroupStep: () => void = () => undefined,
): Promise<{ username: string; status: CognitoUserStatus }> {
  const user = await directory.createUser({
    email,
    invitation: 'admin',
    attributes: { 'custom:role': 'admin' },
    ...(temporaryPassword ? { temporaryPassword } : {}),
  });
  try {
    beforeGroupStep();
    await directory.addUserToGroup(user.username, ADMIN_GROUP);
  } catch (error) {
    throw new GroupAssignmentError(user.username, error);
  }
  return { username: user.username, status: user.status };
}

/** The group step failed after the Cognito user was created. */
export class GroupAssignmentError extends Error {
  override readonly name = 'GroupAssignmentError';
  constructor(
    readonly username: string,
    override readonly cause: unknown,
  ) {
    super('Adding the new user to the admin group failed.');
  }
}

/**
 * createAdminDatabaseRecords — the database half of a new admin.
 *
 * What it does: ONE DynamoDB `TransactWriteItems` that writes the `Users`
 * record (`role: admin`, `status: active`, `emailVerified: true`) and the
 * `AdminInfo` record (`createdBy` = the calling admin's `sub`, `createdAt`),
 * both keyed by the Cognito `sub` and each conditional on not existing: both
 * are written, or neither.
 *
 * @param admins the admin store; @param email the new admin's email
 * @param cognitoUsername the Cognito username (= sub) from createAdminUser
 * @param createdBy the calling admin's sub; @param now the time of creation
 * @param idempotencyKey optional hashed request key, kept to replay a retry
 * @returns both records as written
 * @throws RecordExistsError when either record exists (neither is written);
 *   any DynamoDB error (throttling, a missing table) unchanged.
 */
export async function createAdminDatabaseRecords(
  admins: AdminStore,
  input: { email: string; cognitoUsername: string; createdBy: string; now: Date; idempotencyKey?: string },
): Promise<{ user: UserRecord; adminInfo: AdminInfoRecord }> {
  const user = newUserRecord({
    userId: input.cognitoUsername,
    email: input.email,
    status: INITIAL_STATUS.adminProvisioned,
    role: 'admin',
    emailVerified: true,
    now: input.now,
  });
  const at = input.now.toISOString();
  const adminInfo: AdminInfoRecord = {
    userId: input.cognitoUsername,
    createdBy: input.createdBy,
    createdAt: at,
    invitedAt: at,
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  };
  await admins.createAdminRecords(user, adminInfo);
  return { user, adminInfo };
}
