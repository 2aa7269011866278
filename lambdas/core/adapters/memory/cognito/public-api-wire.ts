import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AuthOutcome, Tokens } from '../../../domain/tokens';
import { PasswordAttemptsExceededError } from './lockout';

/** A Cognito error as the JSON protocol carries it (`__type`, `message`). */
export class CognitoApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export class CodeMismatch extends CognitoApiError {
  constructor() {
    super('CodeMismatchException', 'Invalid verification code provided, please try again.');
  }
}

/** An outcome of the fake's sign-in in Cognito's wire shape. */
export function wire(outcome: AuthOutcome | { tokens: Tokens }): Record<string, unknown> {
  if ('tokens' in outcome) {
    const t = outcome.tokens;
    return {
      AuthenticationResult: {
        IdToken: t.idToken,
        AccessToken: t.accessToken,
        ...(t.refreshToken ? { RefreshToken: t.refreshToken } : {}),
        ExpiresIn: t.expiresIn,
        TokenType: 'Bearer',
      },
      ChallengeParameters: {},
    };
  }
  const { challenge } = outcome;
  const options = challenge.credentialRequestOptions;
  return {
    ChallengeName: challenge.name,
    Session: challenge.session,
    ChallengeParameters: {
      ...(challenge.parameters ?? {}),
      ...(options ? { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(options) } : {}),
    },
    ...(challenge.availableChallenges ? { AvailableChallenges: challenge.availableChallenges } : {}),
  };
}

/** The fake's domain errors as Cognito names them on the wire. */
export function cognitoErrorOf(error: unknown): CognitoApiError {
  if (error instanceof CognitoApiError) return error;
  if (error instanceof PasswordAttemptsExceededError)
    return new CognitoApiError('NotAuthorizedException', PasswordAttemptsExceededError.cognitoMessage);
  const message = (error as Error)?.message ?? 'Internal error';
  const byName: Record<string, string> = {
    UnauthenticatedError: 'NotAuthorizedException',
    NotAuthorizedError: 'NotAuthorizedException',
    InvalidSessionError: 'NotAuthorizedException',
    TemporaryPasswordExpiredError: 'NotAuthorizedException',
    CodeMismatchError: 'CodeMismatchException',
    CodeExpiredError: 'ExpiredCodeException',
    UserExistsError: 'UsernameExistsException',
    UserNotConfirmedError: 'UserNotConfirmedException',
    PasswordResetRequiredError: 'PasswordResetRequiredException',
    InvalidPasswordError: 'InvalidPasswordException',
    TooManyRequestsError: 'LimitExceededException',
    UserLambdaValidationException: 'UserLambdaValidationException',
    FeatureNotConfiguredError: 'WebAuthnNotEnabledException',
    NotFoundError: 'ResourceNotFoundException',
    RequestValidationError: 'InvalidParameterException',
    PasskeyRejectedError: /another site/.test(message)
      ? 'WebAuthnOriginNotAllowedException'
      : /registration is open/.test(message)
        ? 'WebAuthnChallengeNotFoundException'
        : 'WebAuthnCredentialNotSupportedException',
  };
  const name = (error as Error)?.name ?? (error as object)?.constructor?.name;
  const type = byName[name] ?? byName[(error as object)?.constructor?.name ?? ''] ?? 'InternalErrorException';
  return new CognitoApiError(type, type === 'InternalErrorException' ? 'Internal error' : message);
}

/** Two secrets compared in constant time. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Cognito's check of a confidential client's SECRET_HASH: Base64(HMAC-SHA256(secret, username + client id)). */
export function assertSecretHash(secret: string, clientId: string, username: string, given: unknown): void {
  const expected = createHmac('sha256', secret).update(`${username}${clientId}`).digest('base64');
  if (typeof given !== 'string' || !sameSecret(given, expected))
    throw new CognitoApiError(
      'NotAuthorizedException',
      `Unable to verify secret hash for client ${clientId}`,
    );
}

const STRING_FIELDS = [
  'ClientId',
  'AccessToken',
  'Session',
  'Username',
  'Password',
  'AuthFlow',
  'ChallengeName',
  'SecretHash',
  'ClientSecret',
  'ProposedPassword',
  'PreviousPassword',
  'ConfirmationCode',
  'UserCode',
  'Token',
  'CredentialId',
];
const STRING_MAPS = ['AuthParameters', 'ChallengeResponses', 'ClientMetadata'];
const ATTRIBUTE_LISTS = ['UserAttributes', 'ValidationData'];

const serialization = (message: string) => new CognitoApiError('SerializationException', message);
const isStringMap = (value: unknown) =>
  !!value &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v === 'string');
const isAttributeList = (value: unknown) =>
  Array.isArray(value) &&
  value.every(
    (a) =>
      !!a &&
      typeof a === 'object' &&
      typeof a.Name === 'string' &&
      (a.Value === undefined || typeof a.Value === 'string'),
  );

/**
 * What the JSON protocol itself refuses before any operation runs, as
 * Cognito's front end does: a body that is not an object, and a member of
 * the wrong type (a string field given a number, a map or list given
 * something else), each a SerializationException (400).
 */
export function wellFormed(input: unknown): Record<string, unknown> {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw serialization('The request body must be a JSON object.');
  const body = input as Record<string, unknown>;
  const wrong = (field: string, ok: (value: unknown) => boolean) => field in body && !ok(body[field]);
  const bad =
    STRING_FIELDS.find((f) => wrong(f, (v) => typeof v === 'string')) ??
    STRING_MAPS.find((f) => wrong(f, isStringMap)) ??
    ATTRIBUTE_LISTS.find((f) => wrong(f, isAttributeList)) ??
    (wrong('UserAttributeNames', (v) => Array.isArray(v) && v.every((n) => typeof n === 'string'))
      ? 'UserAttributeNames'
      : undefined);
  if (bad) throw serialization(`${bad} is not of the type the operation takes.`);
  return body;
}

/** The operation a target names: only the table's own entries, never an inherited member (`constructor`, `__proto__`). */
export function operationNamed<T>(operations: Record<string, T>, name: string): T {
  if (!Object.hasOwn(operations, name))
    throw new CognitoApiError('UnknownOperationException', `The fake pool does not serve ${name}.`);
  return operations[name] as T;
}
