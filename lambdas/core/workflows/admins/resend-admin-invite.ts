import { InvitationAcceptedError, NotFoundError } from '../../domain/errors';
import { ADMIN_GROUP } from '../../domain/pool-policy';
import type { UserDirectory } from '../../ports/user-directory';

/**
 * resendAdminInvite — email a new administrator invitation.
 *
 * What it does: checks that `email` belongs to a member of the `admin` group
 * who has not yet set a password (Cognito `AdminGetUser` and
 * `AdminListGroupsForUser`), then calls `AdminCreateUser` with
 * `MessageAction: 'RESEND'`: Cognito generates a new temporary password,
 * restarts its validity and emails it (`ClientMetadata.invitation = 'admin'`).
 *
 * When it is used: the new admin never received the invitation, or its
 * temporary password expired (their login answers TEMPORARY_PASSWORD_EXPIRED).
 * Admin-only, like provisioning.
 *
 * @param directory the user directory; @param email the invited admin's email
 * @returns nothing; the route answers 202.
 * @throws NotFoundError (404) when the email has no account in the `admin`
 *   group; InvitationAcceptedError (409 INVITE_ALREADY_ACCEPTED) when the admin
 *   has already set a password.
 */
export async function resendAdminInvite(directory: UserDirectory, email: string): Promise<void> {
  const account = await directory.getUser(email);
  if (!account || !(await directory.groupsOf(account.username)).includes(ADMIN_GROUP)) {
    throw new NotFoundError('No administrator invitation exists for this email.');
  }
  if (account.status !== 'FORCE_CHANGE_PASSWORD') {
    throw new InvitationAcceptedError('This administrator has already accepted the invitation.');
  }
  await directory.resendTemporaryPassword(email, 'admin');
}
