import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { normalizeEmail } from '../../../domain/email';
import { UserNotFoundError } from '../../../domain/errors';
import { generateTemporaryPassword } from '../../../domain/temporary-password';
import type { IdentityUser, Invitation } from '../../../ports/identity-user';
import type { CreateUserInput, UserDirectory } from '../../../ports/user-directory';
import type { CognitoPool } from './cognito-client';
import { toAttributeList, toIdentityUser } from './cognito-mapping';

/** The user-directory port on Amazon Cognito (Admin* APIs, IAM-authorized). */
export class CognitoUserDirectory implements UserDirectory {
  constructor(private readonly pool: CognitoPool) {}

  async createUser(input: CreateUserInput): Promise<IdentityUser> {
    const email = normalizeEmail(input.email);
    const attributes = { ...input.attributes, email, email_verified: 'true' };
    const { User } = await this.pool.send(
      new AdminCreateUserCommand({
        UserPoolId: this.pool.userPoolId,
        Username: email,
        UserAttributes: toAttributeList(attributes),
        DesiredDeliveryMediums: ['EMAIL'],
        // Read by the CustomMessage trigger, to word the invitation.
        ClientMetadata: { invitation: input.invitation ?? 'applicant' },
        // Always one of ours: with emailed codes in the sign-in policy Cognito would generate none.
        TemporaryPassword: input.temporaryPassword ?? generateTemporaryPassword(),
      }),
      'admin',
    );
    return toIdentityUser({
      Username: User?.Username,
      Attributes: User?.Attributes,
      UserStatus: User?.UserStatus,
      Enabled: User?.Enabled,
      UserCreateDate: User?.UserCreateDate,
    });
  }

  async resendTemporaryPassword(email: string, invitation: Invitation = 'applicant'): Promise<void> {
    await this.pool.send(
      new AdminCreateUserCommand({
        UserPoolId: this.pool.userPoolId,
        Username: normalizeEmail(email),
        MessageAction: 'RESEND',
        // A new temporary password of ours, whatever the pool's sign-in policy (createUser).
        TemporaryPassword: generateTemporaryPassword(),
        DesiredDeliveryMediums: ['EMAIL'],
        ClientMetadata: { invitation },
      }),
      'admin',
    );
  }

  async addUserToGroup(username: string, group: string): Promise<void> {
    await this.pool.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: this.pool.userPoolId,
        Username: username,
        GroupName: group,
      }),
      'admin',
    );
  }

  async removeUserFromGroup(username: string, group: string): Promise<void> {
    await this.pool.send(
      new AdminRemoveUserFromGroupCommand({
        UserPoolId: this.pool.userPoolId,
        Username: username,
        GroupName: group,
      }),
      'admin',
    );
  }

  async setEnabled(username: string, enabled: boolean): Promise<void> {
    const input = { UserPoolId: this.pool.userPoolId, Username: username };
    await this.pool.send(
      enabled ? new AdminEnableUserCommand(input) : new AdminDisableUserCommand(input),
      'admin',
    );
  }

  async groupsOf(username: string): Promise<string[]> {
    const { Groups } = await this.pool.send(
      new AdminListGroupsForUserCommand({ UserPoolId: this.pool.userPoolId, Username: username }),
      'admin',
    );
    return (Groups ?? []).map((g) => g.GroupName ?? '').sort();
  }

  async deleteUser(username: string): Promise<void> {
    try {
      await this.pool.send(
        new AdminDeleteUserCommand({ UserPoolId: this.pool.userPoolId, Username: username }),
        'admin',
      );
    } catch (error) {
      // Deleting is a compensation: a user that is already gone is the goal reached.
      if (error instanceof UserNotFoundError) return;
      throw error;
    }
  }

  async getUser(emailOrUsername: string): Promise<IdentityUser | undefined> {
    try {
      const user = await this.pool.send(
        new AdminGetUserCommand({ UserPoolId: this.pool.userPoolId, Username: emailOrUsername.trim() }),
        'admin',
      );
      return toIdentityUser({ ...user, Attributes: user.UserAttributes });
    } catch (error) {
      if (error instanceof UserNotFoundError) return undefined;
      throw error;
    }
  }
}
