import type {
  AttributeType,
  AuthenticationResultType,
  ChallengeNameType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AuthOutcome, ChallengeName, FirstFactor } from '../../../domain/tokens';
import type { CognitoMfa, CognitoUserStatus } from '../../../domain/user';
import type { IdentityUser } from '../../../ports/identity-user';

/** Cognito's attribute list from a name -> value record. */
export function toAttributeList(attributes: Record<string, string>): AttributeType[] {
  return Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));
}

/** A Cognito user (AdminGetUser, AdminCreateUser, ListUsers shapes) as the ports see it. */
export function toIdentityUser(user: {
  Username?: string;
  Attributes?: AttributeType[];
  UserStatus?: string;
  Enabled?: boolean;
  UserCreateDate?: Date;
  UserMFASettingList?: string[];
  PreferredMfaSetting?: string;
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
    ...(user.UserMFASettingList !== undefined || user.PreferredMfaSetting !== undefined
      ? { mfa: mfaOf(user.UserMFASettingList, user.PreferredMfaSetting) }
      : {}),
  };
}

type MfaMethod = CognitoMfa['methods'][number];
const MFA_METHODS: readonly MfaMethod[] = ['SOFTWARE_TOKEN_MFA', 'SMS_MFA'];

/** AdminGetUser's UserMFASettingList and PreferredMfaSetting, as the domain names them. */
function mfaOf(list: string[] | undefined, preferred: string | undefined): CognitoMfa {
  const methods = (list ?? []).filter((m): m is MfaMethod => MFA_METHODS.includes(m as MfaMethod));
  const chosen = MFA_METHODS.find((m) => m === preferred);
  return { methods, ...(chosen ? { preferred: chosen } : {}) };
}

const CHALLENGES: readonly ChallengeName[] = [
  'NEW_PASSWORD_REQUIRED',
  'SOFTWARE_TOKEN_MFA',
  'SMS_MFA',
  'MFA_SETUP',
  'EMAIL_OTP',
  'CUSTOM_CHALLENGE',
  'SELECT_CHALLENGE',
  'PASSWORD',
  'WEB_AUTHN',
];

/** USER_AUTH's first factors as SELECT_CHALLENGE lists them (PASSWORD_SRP and SMS_OTP are not enabled). */
const FIRST_FACTORS: readonly FirstFactor[] = ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'];

/** InitiateAuth / RespondToAuthChallenge answers: tokens, or a challenge the API knows. */
export function toOutcome(answer: {
  AuthenticationResult?: AuthenticationResultType;
  ChallengeName?: ChallengeNameType;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AvailableChallenges?: string[];
}): AuthOutcome {
  const result = answer.AuthenticationResult;
  if (result?.AccessToken && result.IdToken) {
    return {
      tokens: {
        idToken: result.IdToken,
        accessToken: result.AccessToken,
        ...(result.RefreshToken
          ? { refreshToken: wrapRefreshToken(result.AccessToken, result.RefreshToken) }
          : {}),
        expiresIn: result.ExpiresIn ?? 3600,
        tokenType: 'Bearer',
      },
    };
  }
  const name = answer.ChallengeName as ChallengeName | undefined;
  if (name && CHALLENGES.includes(name) && answer.Session) {
    const parameters = name === 'CUSTOM_CHALLENGE' ? { parameters: { ...answer.ChallengeParameters } } : {};
    const available = (answer.AvailableChallenges ?? []).filter((c): c is FirstFactor =>
      FIRST_FACTORS.includes(c as FirstFactor),
    );
    const options = answer.ChallengeParameters?.CREDENTIAL_REQUEST_OPTIONS;
    return {
      challenge: {
        name,
        session: answer.Session,
        ...parameters,
        ...(name === 'SELECT_CHALLENGE' ? { availableChallenges: available } : {}),
        ...(name === 'WEB_AUTHN' && options ? { credentialRequestOptions: JSON.parse(options) } : {}),
      },
    };
  }
  throw new Error(
    `Cognito answered with neither tokens nor a supported challenge (${String(answer.ChallengeName)}).`,
  );
}

const REFRESH_SEPARATOR = '~';

/**
 * The refresh token the API hands out: `<username>~<Cognito's refresh token>`.
 * The username (the `username` claim of the access token Cognito issued with
 * it) is what a SECRET_HASH of REFRESH_TOKEN_AUTH is made of; a client cannot
 * gain anything by changing it (Cognito then refuses the hash).
 */
export function wrapRefreshToken(accessToken: string, cognitoToken: string): string {
  const username = usernameClaim(accessToken);
  return username ? `${username}${REFRESH_SEPARATOR}${cognitoToken}` : cognitoToken;
}

/** The username and Cognito's own refresh token of one the API handed out (a bare one has no username). */
export function unwrapRefreshToken(token: string): { username?: string; cognitoToken: string } {
  const at = token.indexOf(REFRESH_SEPARATOR);
  return at > 0
    ? { username: token.slice(0, at), cognitoToken: token.slice(at + 1) }
    : { cognitoToken: token };
}

function usernameClaim(accessToken: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8'));
    const username = (payload as { username?: unknown }).username;
    return typeof username === 'string' && username && !username.includes(REFRESH_SEPARATOR)
      ? username
      : undefined;
  } catch {
    return undefined;
  }
}
