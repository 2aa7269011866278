import {
  CannotTargetSelfError,
  CodeExpiredError,
  CodeMismatchError,
  FeatureNotConfiguredError,
  ForbiddenError,
  IdempotencyKeyReusedError,
  InvalidPasswordError,
  InvalidSessionError,
  InvalidSignatureError,
  InvalidTransitionError,
  InvitationAcceptedError,
  MfaEnrollmentRequiredError,
  MfaRequiredError,
  NewPasswordNotRequiredError,
  NotAuthorizedError,
  NotFoundError,
  NotReadyError,
  PasskeyRejectedError,
  PasswordResetRequiredError,
  RequestValidationError,
  TemporaryPasswordExpiredError,
  TooManyRequestsError,
  UnauthenticatedError,
  UserExistsError,
  UserNotConfirmedError,
  UsernameAlreadySetError,
  UsernameTakenError,
} from '../domain/errors';
import { InvalidJsonError, PayloadTooLargeError, UnsupportedMediaTypeError } from './http-errors';

export interface ErrorAnswer {
  status: number;
  code: string;
  message: string;
}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * THE table from errors to HTTP status and stable API code (docs/api.md). Errors
 * not listed here are unexpected: they answer 500 INTERNAL with a generic
 * message, and only their name reaches the log.
 */
const TABLE: ReadonlyArray<readonly [ErrorClass, number, string]> = [
  [InvalidJsonError, 400, 'INVALID_JSON'],
  [RequestValidationError, 400, 'VALIDATION_ERROR'],
  [InvalidPasswordError, 400, 'INVALID_PASSWORD'],
  [CodeMismatchError, 400, 'CODE_MISMATCH'],
  [CodeExpiredError, 400, 'CODE_EXPIRED'],
  [PasskeyRejectedError, 400, 'PASSKEY_REJECTED'],
  [UnauthenticatedError, 401, 'UNAUTHENTICATED'],
  [NotAuthorizedError, 401, 'NOT_AUTHORIZED'],
  [InvalidSessionError, 401, 'NOT_AUTHORIZED'],
  [TemporaryPasswordExpiredError, 401, 'TEMPORARY_PASSWORD_EXPIRED'],
  [PasswordResetRequiredError, 401, 'PASSWORD_RESET_REQUIRED'],
  [InvalidSignatureError, 401, 'INVALID_SIGNATURE'],
  [ForbiddenError, 403, 'FORBIDDEN'],
  [UserNotConfirmedError, 403, 'USER_NOT_CONFIRMED'],
  [MfaEnrollmentRequiredError, 403, 'MFA_ENROLLMENT_REQUIRED'],
  [NotFoundError, 404, 'NOT_FOUND'],
  [UserExistsError, 409, 'USER_EXISTS'],
  [NewPasswordNotRequiredError, 409, 'NEW_PASSWORD_NOT_REQUIRED'],
  [InvitationAcceptedError, 409, 'INVITE_ALREADY_ACCEPTED'],
  [InvalidTransitionError, 409, 'INVALID_TRANSITION'],
  [MfaRequiredError, 409, 'MFA_REQUIRED'],
  [CannotTargetSelfError, 409, 'CANNOT_TARGET_SELF'],
  [UsernameTakenError, 409, 'USERNAME_TAKEN'],
  [UsernameAlreadySetError, 409, 'USERNAME_ALREADY_SET'],
  [IdempotencyKeyReusedError, 422, 'IDEMPOTENCY_KEY_REUSED'],
  [PayloadTooLargeError, 413, 'PAYLOAD_TOO_LARGE'],
  [UnsupportedMediaTypeError, 415, 'UNSUPPORTED_MEDIA_TYPE'],
  [TooManyRequestsError, 429, 'TOO_MANY_REQUESTS'],
  [FeatureNotConfiguredError, 501, 'NOT_CONFIGURED'],
  [NotReadyError, 503, 'NOT_READY'],
];

export const INTERNAL: ErrorAnswer = {
  status: 500,
  code: 'INTERNAL',
  message: 'Something went wrong on our side. Try again later.',
};

/** The answer for `error`; undefined when it is unexpected (a 500). */
export function errorAnswer(error: unknown): ErrorAnswer | undefined {
  const row = TABLE.find(([type]) => error instanceof type);
  if (!row || !(error instanceof Error)) return undefined;
  return { status: row[1], code: row[2], message: error.message };
}

/** Every code the table can produce, for docs and tests. */
export const ERROR_CODES = [...new Set(TABLE.map(([, status, code]) => `${status} ${code}`)), '500 INTERNAL'];
