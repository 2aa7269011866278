import {
  AdminResetUserPasswordCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AccountAdmin } from '../../../ports/account-admin';
import type { CognitoPool } from './cognito-client';
import { toAttributeList } from './cognito-mapping';

/** The account-admin port on Amazon Cognito (Admin* APIs, IAM-authorized). */
export class CognitoAccountAdmin implements AccountAdmin {
  constructor(private readonly pool: CognitoPool) {}

  private user(username: string) {
    return { UserPoolId: this.pool.userPoolId, Username: username };
  }

  async resetPassword(username: string): Promise<void> {
    await this.pool.send(new AdminResetUserPasswordCommand(this.user(username)), 'admin');
  }

  async setPassword(username: string, password: string, permanent: boolean): Promise<void> {
    await this.pool.send(
      new AdminSetUserPasswordCommand({ ...this.user(username), Password: password, Permanent: permanent }),
      'admin',
    );
  }

  async updateAttributes(username: string, attributes: Record<string, string>): Promise<void> {
    await this.pool.send(
      new AdminUpdateUserAttributesCommand({
        ...this.user(username),
        UserAttributes: toAttributeList(attributes),
      }),
      'admin',
    );
  }

  async setMfaPreference(username: string, preference: { totp: boolean; sms: boolean }): Promise<void> {
    await this.pool.send(
      new AdminSetUserMFAPreferenceCommand({
        ...this.user(username),
        SoftwareTokenMfaSettings: { Enabled: preference.totp, PreferredMfa: preference.totp },
        SMSMfaSettings: { Enabled: preference.sms, PreferredMfa: preference.sms && !preference.totp },
      }),
      'admin',
    );
  }

  async globalSignOut(username: string): Promise<void> {
    await this.pool.send(new AdminUserGlobalSignOutCommand(this.user(username)), 'admin');
  }
}
