import {
  AssociateSoftwareTokenCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  GlobalSignOutCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { normalizeEmail } from '../../../domain/email';
import { CodeMismatchError } from '../../../domain/errors';
import type { SelfService } from '../../../ports/self-service';
import type { CognitoPool } from './cognito-client';

/** The self-service port on Amazon Cognito (calls authorized by the user's access token). */
export class CognitoSelfService implements SelfService {
  constructor(private readonly pool: CognitoPool) {}

  async forgotPassword(email: string): Promise<void> {
    await this.pool.send(
      new ForgotPasswordCommand({ ClientId: this.pool.clientId, Username: normalizeEmail(email) }),
      'challenge',
    );
  }

  async confirmForgotPassword(input: { email: string; code: string; newPassword: string }): Promise<void> {
    await this.pool.send(
      new ConfirmForgotPasswordCommand({
        ClientId: this.pool.clientId,
        Username: normalizeEmail(input.email),
        ConfirmationCode: input.code,
        Password: input.newPassword,
      }),
      'reset',
    );
  }

  async globalSignOut(accessToken: string): Promise<void> {
    await this.pool.send(new GlobalSignOutCommand({ AccessToken: accessToken }), 'token');
  }

  async associateSoftwareToken(accessToken: string): Promise<{ secretCode: string }> {
    const { SecretCode } = await this.pool.send(
      new AssociateSoftwareTokenCommand({ AccessToken: accessToken }),
      'token',
    );
    if (!SecretCode) throw new Error('AssociateSoftwareToken answered no secret.');
    return { secretCode: SecretCode };
  }

  async verifySoftwareToken(accessToken: string, code: string): Promise<void> {
    const { Status } = await this.pool.send(
      new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: code }),
      'token',
    );
    if (Status !== 'SUCCESS') throw new CodeMismatchError('The code is wrong.');
  }

  async setTotpPreference(accessToken: string, enabled: boolean): Promise<void> {
    await this.pool.send(
      new SetUserMFAPreferenceCommand({
        AccessToken: accessToken,
        SoftwareTokenMfaSettings: { Enabled: enabled, PreferredMfa: enabled },
      }),
      'token',
    );
  }
}
