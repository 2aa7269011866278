import {
  AssociateSoftwareTokenCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  ResendConfirmationCodeCommand,
  SetUserMFAPreferenceCommand,
  SignUpCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { normalizeEmail } from '../../../domain/email';
import { CodeMismatchError, InvalidSessionError, NotAuthorizedError } from '../../../domain/errors';
import { SIGN_UP_TICKET_FIELD } from '../../../domain/sign-up-ticket';
import type { SelfService, SessionUser, SignUpInput } from '../../../ports/self-service';
import { type CognitoPool, RUNS_TRIGGERS, SEES_CALLER } from './cognito-client';

/** The self-service port on Amazon Cognito (calls authorized by the user's access token). */
export class CognitoSelfService implements SelfService {
  constructor(private readonly pool: CognitoPool) {}

  async signUp(input: SignUpInput): Promise<{ userSub: string; session?: string }> {
    const { UserSub, Session } = await this.pool.send(
      new SignUpCommand({
        ClientId: this.pool.clientId,
        Username: normalizeEmail(input.email),
        Password: input.password,
        UserAttributes: [
          { Name: 'email', Value: normalizeEmail(input.email) },
          ...(input.name ? [{ Name: 'name', Value: input.name }] : []),
        ],
        ClientMetadata: { [SIGN_UP_TICKET_FIELD]: input.ticket },
        ...(await this.pool.secretHashField(normalizeEmail(input.email))),
      }),
      'sign-up',
      SEES_CALLER,
    );
    if (!UserSub) throw new Error('SignUp answered no user sub.');
    return { userSub: UserSub, ...(Session ? { session: Session } : {}) };
  }

  /**
   * With SignUp's session, ConfirmSignUp also answers a sign-in session. A
   * session Cognito no longer takes (expired) must not cost the user their
   * confirmation: it is confirmed again without one.
   */
  async confirmSignUp(email: string, code: string, session?: string): Promise<{ session?: string }> {
    if (session) {
      try {
        return await this.confirm(email, code, session, 'challenge');
      } catch (error) {
        if (!(error instanceof InvalidSessionError)) {
          // Read as 'reset' does: an unknown or already confirmed user is a wrong code.
          throw error instanceof NotAuthorizedError ? new CodeMismatchError('The code is wrong.') : error;
        }
      }
    }
    return this.confirm(email, code, undefined, 'reset');
  }

  private async confirm(
    email: string,
    code: string,
    session: string | undefined,
    call: 'challenge' | 'reset',
  ): Promise<{ session?: string }> {
    const answer = await this.pool.send(
      new ConfirmSignUpCommand({
        ClientId: this.pool.clientId,
        Username: normalizeEmail(email),
        ConfirmationCode: code,
        ...(session ? { Session: session } : {}),
        ...(await this.pool.secretHashField(normalizeEmail(email))),
      }),
      call,
      SEES_CALLER,
    );
    return answer?.Session ? { session: answer.Session } : {};
  }

  async resendConfirmationCode(email: string): Promise<void> {
    await this.pool.send(
      new ResendConfirmationCodeCommand({
        ClientId: this.pool.clientId,
        Username: normalizeEmail(email),
        ...(await this.pool.secretHashField(normalizeEmail(email))),
      }),
      'challenge',
      SEES_CALLER,
    );
  }

  async forgotPassword(email: string): Promise<void> {
    await this.pool.send(
      new ForgotPasswordCommand({
        ClientId: this.pool.clientId,
        Username: normalizeEmail(email),
        ...(await this.pool.secretHashField(normalizeEmail(email))),
      }),
      'challenge',
      RUNS_TRIGGERS,
    );
  }

  async confirmForgotPassword(input: { email: string; code: string; newPassword: string }): Promise<void> {
    await this.pool.send(
      new ConfirmForgotPasswordCommand({
        ClientId: this.pool.clientId,
        Username: normalizeEmail(input.email),
        ConfirmationCode: input.code,
        Password: input.newPassword,
        ...(await this.pool.secretHashField(normalizeEmail(input.email))),
      }),
      'reset',
      SEES_CALLER,
    );
  }

  async globalSignOut(accessToken: string): Promise<void> {
    await this.pool.send(new GlobalSignOutCommand({ AccessToken: accessToken }), 'token');
  }

  async getUser(accessToken: string): Promise<SessionUser> {
    const answer = await this.pool.send(new GetUserCommand({ AccessToken: accessToken }), 'token');
    const email = answer.UserAttributes?.find((a) => a.Name === 'email')?.Value;
    return {
      username: answer.Username ?? '',
      ...(email ? { email } : {}),
      totpEnabled: answer.UserMFASettingList?.includes('SOFTWARE_TOKEN_MFA') ?? false,
    };
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
