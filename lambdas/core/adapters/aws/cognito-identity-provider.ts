import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  type AttributeType,
  type AuthenticationResultType,
  type ChallengeNameType,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { normalizeEmail } from '../../domain/email';
import type { AuthOutcome, ChallengeName } from '../../domain/tokens';
import type { CognitoUserStatus } from '../../domain/user';
import type {
  CreateUserInput,
  IdentityProvider,
  IdentityUser,
  Invitation,
} from '../../ports/identity-provider';
import { mapCognitoError } from './cognito-errors';

export interface CognitoIdentityProviderOptions {
  userPoolId: string;
  clientId: string;
  /** Injectable for tests; defaults to a client for the ambient region and endpoint. */
  client?: CognitoIdentityProviderClient;
}

/** The identity port on Amazon Cognito (AWS SDK v3). */
export class CognitoIdentityProvider implements IdentityProvider {
  private readonly client: CognitoIdentityProviderClient;
  private readonly userPoolId: string;
  private readonly clientId: string;

  constructor(options: CognitoIdentityProviderOptions) {
    this.client = options.client ?? new CognitoIdentityProviderClient({});
    this.userPoolId = options.userPoolId;
    this.clientId = options.clientId;
  }

  async createUser(input: CreateUserInput): Promise<IdentityUser> {
    const email = normalizeEmail(input.email);
    const attributes = { ...input.attributes, email, email_verified: 'true' };
    try {
      const { User } = await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: email,
          UserAttributes: toAttributeList(attributes),
          DesiredDeliveryMediums: ['EMAIL'],
          // Available to a CustomMessage trigger, to word the invitation.
          ClientMetadata: { invitation: input.invitation ?? 'applicant' },
          ...(input.temporaryPassword ? { TemporaryPassword: input.temporaryPassword } : {}),
        }),
      );
      return toIdentityUser({
        Username: User?.Username,
        Attributes: User?.Attributes,
        UserStatus: User?.UserStatus,
        Enabled: User?.Enabled,
        UserCreateDate: User?.UserCreateDate,
      });
    } catch (error) {
      throw mapCognitoError(error, 'admin');
    }
  }

  async resendTemporaryPassword(email: string, invitation: Invitation = 'applicant'): Promise<void> {
    try {
      await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: normalizeEmail(email),
          MessageAction: 'RESEND',
          DesiredDeliveryMediums: ['EMAIL'],
          ClientMetadata: { invitation },
        }),
      );
    } catch (error) {
      throw mapCognitoError(error, 'admin');
    }
  }

  async addUserToGroup(username: string, group: string): Promise<void> {
    try {
      await this.client.send(
        new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: username, GroupName: group }),
      );
    } catch (error) {
      throw mapCognitoError(error, 'admin');
    }
  }

  async groupsOf(username: string): Promise<string[]> {
    try {
      const { Groups } = await this.client.send(
        new AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: username }),
      );
      return (Groups ?? []).map((g) => g.GroupName ?? '').sort();
    } catch (error) {
      throw mapCognitoError(error, 'admin');
    }
  }

  async deleteUser(username: string): Promise<void> {
    try {
      await this.client.send(new AdminDeleteUserCommand({ UserPoolId: this.userPoolId, Username: username }));
    } catch (error) {
      // Deleting is a compensation: a user that is already gone is the goal reached.
      if (error instanceof Error && error.name === 'UserNotFoundException') return;
      throw mapCognitoError(error, 'admin');
    }
  }

  async getUser(emailOrUsername: string): Promise<IdentityUser | undefined> {
    try {
      const user = await this.client.send(
        new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: emailOrUsername.trim() }),
      );
      return toIdentityUser({ ...user, Attributes: user.UserAttributes });
    } catch (error) {
      if (error instanceof Error && error.name === 'UserNotFoundException') return undefined;
      throw mapCognitoError(error, 'admin');
    }
  }

  async passwordLogin(email: string, password: string): Promise<AuthOutcome> {
    try {
      const answer = await this.client.send(
        new InitiateAuthCommand({
          ClientId: this.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: normalizeEmail(email), PASSWORD: password },
        }),
      );
      return toOutcome(answer);
    } catch (error) {
      throw mapCognitoError(error, 'sign-in');
    }
  }

  async respondToNewPasswordChallenge(input: {
    email: string;
    session: string;
    newPassword: string;
  }): Promise<AuthOutcome> {
    try {
      const answer = await this.client.send(
        new RespondToAuthChallengeCommand({
          ClientId: this.clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: input.session,
          ChallengeResponses: { USERNAME: normalizeEmail(input.email), NEW_PASSWORD: input.newPassword },
        }),
      );
      return toOutcome(answer);
    } catch (error) {
      throw mapCognitoError(error, 'challenge');
    }
  }
}

function toAttributeList(attributes: Record<string, string>): AttributeType[] {
  return Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));
}

function toIdentityUser(user: {
  Username?: string;
  Attributes?: AttributeType[];
  UserStatus?: string;
  Enabled?: boolean;
  UserCreateDate?: Date;
}): IdentityUser {
  const attributes = Object.fromEntries((user.Attributes ?? []).map((a) => [a.Name ?? '', a.Value ?? '']));
  return {
    username: user.Username ?? '',
    sub: attributes.sub ?? user.Username ?? '',
    email: attributes.email ?? '',
    status: (user.UserStatus ?? 'UNKNOWN') as CognitoUserStatus,
    enabled: user.Enabled ?? true,
    attributes,
    createdAt: user.UserCreateDate ?? new Date(0),
  };
}

const CHALLENGES: readonly ChallengeName[] = [
  'NEW_PASSWORD_REQUIRED',
  'SOFTWARE_TOKEN_MFA',
  'SMS_MFA',
  'MFA_SETUP',
  'EMAIL_OTP',
];

function toOutcome(answer: {
  AuthenticationResult?: AuthenticationResultType;
  ChallengeName?: ChallengeNameType;
  Session?: string;
}): AuthOutcome {
  const result = answer.AuthenticationResult;
  if (result?.AccessToken && result.IdToken) {
    return {
      tokens: {
        idToken: result.IdToken,
        accessToken: result.AccessToken,
        ...(result.RefreshToken ? { refreshToken: result.RefreshToken } : {}),
        expiresIn: result.ExpiresIn ?? 3600,
        tokenType: 'Bearer',
      },
    };
  }
  const name = answer.ChallengeName as ChallengeName | undefined;
  if (name && CHALLENGES.includes(name) && answer.Session) {
    return { challenge: { name, session: answer.Session } };
  }
  throw new Error(
    `Cognito answered with neither tokens nor a supported challenge (${String(answer.ChallengeName)}).`,
  );
}
