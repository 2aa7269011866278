import { NotAuthorizedError } from '../../../domain/errors';
import { SIGN_UP_TICKET_FIELD } from '../../../domain/sign-up-ticket';
import { type ChallengeName, USER_AUTH_STEPS } from '../../../domain/tokens';
import type { Messenger } from './messages';
import { assertPolicy, hashPassword, passwordMatches } from './passwords';
import type { FakeUser, PoolState } from './pool';
import {
  type ApiInput as Input,
  type ApiOutput as Output,
  startUserAuth,
  tokenOperations,
  userAuthAnswer,
} from './public-api-token-ops';
import {
  assertSecretHash,
  CodeMismatch,
  CognitoApiError,
  operationNamed,
  sameSecret,
  wellFormed,
  wire,
} from './public-api-wire';
import type { InMemorySelfService } from './self-service';
import type { InMemorySignIn } from './sign-in';
import type { TokenIssuer } from './tokens';
import type { FakeWebAuthn } from './webauthn';

const WRITABLE = new Set(['email', 'name']); // what a user may write about themselves (client write attributes)

/**
 * Cognito's public API on the fake pool (calls made without our API, by anyone
 * with the client id or by a user with their token), by Cognito's names and
 * wire shapes; unauthenticated calls need a SECRET_HASH (RevokeToken, the
 * secret). The API calls the ports, which model calls made with the secret.
 * The local server serves this on `POST /` (`X-Amz-Target`) for the AWS SDK.
 */
export class InMemoryCognitoApi {
  constructor(
    private readonly pool: PoolState,
    private readonly tokens: TokenIssuer,
    private readonly signIn: InMemorySignIn,
    private readonly selfService: InMemorySelfService,
    private readonly messenger: Messenger,
    private readonly clientSecret: string,
    private readonly passkeys: FakeWebAuthn,
  ) {}

  async call(operation: string, input: unknown): Promise<Output> {
    return operationNamed(this.operations, operation)(wellFormed(input) as Input);
  }

  private readonly operations: Record<string, (input: Input) => Promise<Output>> = {
    InitiateAuth: async (input) => {
      this.client(input);
      const params = input.AuthParameters ?? {};
      if (input.AuthFlow === 'REFRESH_TOKEN_AUTH') {
        const owner = this.tokens.refreshEntry(params.REFRESH_TOKEN ?? '')?.username ?? '';
        this.hash(owner, params.SECRET_HASH);
        const tokens = await this.signIn.refresh(params.REFRESH_TOKEN ?? '');
        return wire({ tokens });
      }
      this.hash(params.USERNAME, params.SECRET_HASH);
      if (input.AuthFlow === 'USER_PASSWORD_AUTH')
        return wire(await this.signIn.passwordLogin(params.USERNAME ?? '', params.PASSWORD ?? ''));
      if (input.AuthFlow === 'CUSTOM_AUTH')
        return wire(await this.signIn.startCustomAuth(params.USERNAME ?? ''));
      if (input.AuthFlow === 'USER_AUTH')
        return wire(await startUserAuth(this.signIn, params, input.Session));
      throw new CognitoApiError('InvalidParameterException', `${String(input.AuthFlow)} flow not enabled`);
    },
    RespondToAuthChallenge: async (input) => {
      this.client(input);
      const r = input.ChallengeResponses ?? {};
      const email = r.USERNAME ?? '';
      this.hash(email, r.SECRET_HASH);
      const session = String(input.Session ?? '');
      const name = input.ChallengeName as ChallengeName;
      if (name === 'NEW_PASSWORD_REQUIRED')
        return wire(
          await this.signIn.respondToNewPasswordChallenge({
            email,
            session,
            newPassword: r.NEW_PASSWORD ?? '',
          }),
        );
      if (name === 'CUSTOM_CHALLENGE')
        return wire(await this.signIn.answerCustomChallenge({ email, session, answer: r.ANSWER ?? '' }));
      if (USER_AUTH_STEPS.has(name))
        return wire(await this.signIn.respondToChallenge({ email, session, name, ...userAuthAnswer(r) }));
      return wire(
        await this.signIn.respondToChallenge({ email, session, name, code: r.SOFTWARE_TOKEN_MFA_CODE ?? '' }),
      );
    },
    SignUp: async (input) => {
      this.client(input);
      this.hash(String(input.Username), input.SecretHash);
      const attributes = (input.UserAttributes as Array<{ Name: string; Value: string }> | undefined) ?? [];
      const name = attributes.find((a) => a.Name === 'name')?.Value;
      const metadata = (input.ClientMetadata as Record<string, string> | undefined) ?? {};
      const { userSub, session } = await this.selfService.signUp({
        email: String(input.Username),
        password: String(input.Password),
        ...(name ? { name } : {}),
        ticket: metadata[SIGN_UP_TICKET_FIELD] ?? '',
      });
      return { UserSub: userSub, UserConfirmed: false, Session: session };
    },
    ConfirmSignUp: async (input) => {
      this.unauthenticated(input);
      const [email, code] = [String(input.Username), String(input.ConfirmationCode)];
      const { session } = await this.selfService.confirmSignUp(
        email,
        code,
        input.Session as string | undefined,
      );
      return session ? { Session: session } : {};
    },
    ResendConfirmationCode: async (input) => {
      this.unauthenticated(input);
      await this.selfService.resendConfirmationCode(String(input.Username));
      return { CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', AttributeName: 'email' } };
    },
    ForgotPassword: async (input) => {
      this.unauthenticated(input);
      await this.selfService.forgotPassword(String(input.Username));
      return { CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', AttributeName: 'email' } };
    },
    ConfirmForgotPassword: async (input) => {
      this.unauthenticated(input);
      await this.selfService.confirmForgotPassword({
        email: String(input.Username),
        code: String(input.ConfirmationCode),
        newPassword: String(input.Password),
      });
      return {};
    },
    RevokeToken: async (input) => {
      this.client(input);
      if (!sameSecret(String(input.ClientSecret ?? ''), this.clientSecret))
        throw new CognitoApiError('NotAuthorizedException', 'Client secret is invalid.');
      this.tokens.revokeRefreshToken(String(input.Token ?? ''));
      return {};
    },
    GetUser: async (input) => {
      const user = this.caller(input);
      return {
        Username: user.username,
        UserAttributes: Object.entries({ sub: user.username, email: user.email, ...user.attributes }).map(
          ([Name, Value]) => ({ Name, Value }),
        ),
        UserMFASettingList: user.totpEnabled && user.totp?.verified ? ['SOFTWARE_TOKEN_MFA'] : [],
      };
    },
    UpdateUserAttributes: async (input) => {
      const user = this.caller(input);
      const updates = (input.UserAttributes as Array<{ Name: string; Value: string }> | undefined) ?? [];
      this.writable(updates.map((u) => u.Name));
      for (const { Name, Value } of updates) {
        // keepOriginal: a new email waits for the code mailed to it; the CustomMessage trigger decides.
        if (Name === 'email') await this.messenger.sendCode(user, 'UpdateUserAttribute', 86_400_000);
        else user.attributes[Name] = Value;
      }
      return { CodeDeliveryDetailsList: [] };
    },
    GetUserAttributeVerificationCode: async (input) => {
      const user = this.caller(input);
      await this.messenger.sendCode(user, 'VerifyUserAttribute', 86_400_000);
      return { CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', AttributeName: 'email' } };
    },
    VerifyUserAttribute: async (input) => {
      this.caller(input);
      // No code for a changed email is ever sent (CustomMessage refuses to write one).
      throw new CodeMismatch();
    },
    DeleteUserAttributes: async (input) => {
      const user = this.caller(input);
      const names = (input.UserAttributeNames as string[] | undefined) ?? [];
      this.writable(names);
      if (names.includes('email'))
        throw new CognitoApiError('InvalidParameterException', 'email is a required attribute.');
      for (const name of names) delete user.attributes[name];
      return {};
    },
    ChangePassword: async (input) => {
      const user = this.caller(input);
      if (!passwordMatches(user.passwordHash, String(input.PreviousPassword ?? '')))
        throw new NotAuthorizedError('Incorrect username or password.');
      assertPolicy(String(input.ProposedPassword ?? ''));
      user.passwordHash = hashPassword(String(input.ProposedPassword));
      return {};
    },
    SetUserMFAPreference: async (input) => {
      const settings = input.SoftwareTokenMfaSettings as { Enabled?: boolean } | undefined;
      if (settings) await this.selfService.setTotpPreference(this.token(input), settings.Enabled === true);
      else this.caller(input);
      return {};
    },
    AssociateSoftwareToken: async (input) => ({
      SecretCode: (await this.selfService.associateSoftwareToken(this.token(input))).secretCode,
    }),
    VerifySoftwareToken: async (input) => {
      await this.selfService.verifySoftwareToken(this.token(input), String(input.UserCode ?? ''));
      return { Status: 'SUCCESS' };
    },
    GlobalSignOut: async (input) => {
      await this.selfService.globalSignOut(this.token(input));
      return {};
    },
    DeleteUser: async (input) => {
      const user = this.caller(input);
      if (this.pool.remove(user.username)) this.tokens.forget(user.username);
      return {};
    },
    ...tokenOperations({ caller: (input) => this.caller(input), passkeys: () => this.passkeys }),
  };

  private client(input: Input): void {
    if (input.ClientId !== this.pool.config.clientId)
      throw new CognitoApiError('ResourceNotFoundException', 'User pool client does not exist.');
  }

  private unauthenticated(input: Input): void {
    this.client(input);
    this.hash(String(input.Username ?? ''), input.SecretHash);
  }

  /** Cognito's check of a confidential client's SECRET_HASH, over the username as sent. */
  private hash(username: string | undefined, given: unknown): void {
    assertSecretHash(this.clientSecret, this.pool.config.clientId, username ?? '', given);
  }

  private writable(names: string[]): void {
    if (names.some((name) => !WRITABLE.has(name)))
      throw new CognitoApiError(
        'NotAuthorizedException',
        'A client attempted to write unauthorized attribute',
      );
  }

  private token(input: Input): string {
    return String(input.AccessToken ?? '');
  }

  private caller(input: Input): FakeUser {
    return this.tokens.callerOf(this.pool, this.token(input), 'Access Token has been revoked');
  }
}
