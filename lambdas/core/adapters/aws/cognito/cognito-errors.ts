import {
  CodeExpiredError,
  CodeMismatchError,
  FeatureNotConfiguredError,
  InvalidPasswordError,
  InvalidSessionError,
  NotAuthorizedError,
  NotFoundError,
  PasskeyRejectedError,
  PasswordResetRequiredError,
  PermissionDeniedError,
  RequestValidationError,
  TemporaryPasswordExpiredError,
  TooManyRequestsError,
  UnauthenticatedError,
  UserExistsError,
  UserNotConfirmedError,
  UserNotFoundError,
  UserStateError,
} from '../../../domain/errors';

/**
 * What kind of call failed, which decides what some errors mean:
 * - `sign-in` (InitiateAuth): an unknown user, and any complaint about the
 *   password, must look exactly like wrong credentials (no enumeration; no new
 *   password is being set, so InvalidPasswordException can only mean that);
 * - `challenge` (RespondToAuthChallenge): unknown user = wrong credentials;
 * - `admin` (Admin* APIs): an unknown user is UserNotFoundError;
 * - `sign-up` (SignUp): a password complaint is a policy failure (InvalidPasswordError);
 * - `reset` (ConfirmForgotPassword, ConfirmSignUp): an unknown user is a wrong code, like
 *   Cognito's own answer with PreventUserExistenceErrors (no enumeration);
 * - `token` (APIs authorized by the user's access token): a refused token
 *   (revoked, expired, its user gone or disabled) is UnauthenticatedError.
 */
export type CognitoCall = 'sign-in' | 'challenge' | 'admin' | 'token' | 'reset' | 'sign-up';

/**
 * Translates a Cognito SDK exception into a domain error, so SDK names never
 * leave the adapter. Unknown errors are returned unchanged and end as a
 * generic 500.
 */
export function mapCognitoError(error: unknown, call: CognitoCall): unknown {
  if (!(error instanceof Error)) return error;
  const message = error.message;
  switch (error.name) {
    case 'NotAuthorizedException':
      if (call === 'token')
        return new UnauthenticatedError('The access token has been revoked or has expired.');
      // ConfirmSignUp of a user who is not UNCONFIRMED: as good as a wrong code (no state leaks).
      if (call === 'reset') return new CodeMismatchError('The code is wrong.');
      if (/temporary password has expired/i.test(message)) return new TemporaryPasswordExpiredError();
      if (/session/i.test(message)) return new InvalidSessionError();
      return new NotAuthorizedError();
    case 'UserNotFoundException':
      if (call === 'token')
        return new UnauthenticatedError('The access token has been revoked or has expired.');
      if (call === 'reset') return new CodeMismatchError('The code is wrong.');
      return call === 'admin' ? new UserNotFoundError('User does not exist.') : new NotAuthorizedError();
    case 'UserNotConfirmedException':
      return new UserNotConfirmedError();
    case 'PasswordResetRequiredException':
      return new PasswordResetRequiredError();
    case 'InvalidPasswordException':
      if (call === 'sign-in') return new NotAuthorizedError();
      // Cognito's message lists the policy rule, never the password.
      return new InvalidPasswordError(message);
    case 'UsernameExistsException':
    case 'AliasExistsException':
      return new UserExistsError('An account with the given email already exists.');
    case 'UnsupportedUserStateException':
      return new UserStateError(message);
    case 'CodeMismatchException':
    case 'EnableSoftwareTokenMFAException':
      return new CodeMismatchError('The code is wrong.');
    case 'AccessDeniedException':
    case 'AccessDenied': {
      // "... is not authorized to perform: cognito-idp:ListUsers on resource: ..."
      const action = /perform: ([\w-]+:\w+)/.exec(message)?.[1] ?? 'an action it needs';
      return new PermissionDeniedError(action);
    }
    case 'InvalidParameterException':
      // Admin calls: the request is at fault (Cognito's message names the rule, not a secret).
      if (call === 'admin') return new RequestValidationError('request', message);
      // A token Cognito cannot read is a token it refuses (cognito-local says so for a `==`-padded one).
      if (call === 'token')
        return new UnauthenticatedError('The access token has been revoked or has expired.');
      // A session it cannot read (cognito-local's answer where Cognito says "Invalid session").
      if (call === 'challenge' && /session/i.test(message)) return new InvalidSessionError();
      // Anything else the caller sent that Cognito refused as malformed: a 400, with a fixed message
      // (a validation message may quote what was sent).
      return new RequestValidationError('request', 'Cognito refused the request as malformed.');
    case 'UserLambdaValidationException':
      // The UserMigration trigger refused a sign-in (wrong password, unknown email): a failed
      // sign-in like any other. Other trigger refusals keep their own meaning (unchanged).
      if (call === 'sign-in' && /^UserMigration failed/i.test(message)) return new NotAuthorizedError();
      return error;
    case 'WebAuthnChallengeNotFoundException':
    case 'WebAuthnOriginNotAllowedException':
    case 'WebAuthnRelyingPartyMismatchException':
    case 'WebAuthnClientMismatchException':
    case 'WebAuthnCredentialNotSupportedException':
      // At sign-in a refused passkey is a failed sign-in like a wrong password.
      if (call === 'challenge') return new NotAuthorizedError();
      return new PasskeyRejectedError();
    case 'WebAuthnNotEnabledException':
    case 'WebAuthnConfigurationMissingException':
      return new FeatureNotConfiguredError('Passkeys are not enabled on this user pool.');
    case 'ResourceNotFoundException':
      // DeleteWebAuthnCredential of an id the caller does not have.
      if (call === 'token') return new NotFoundError('No such passkey.');
      return error;
    case 'ExpiredCodeException':
      return new CodeExpiredError('The code has expired.');
    case 'TooManyRequestsException':
      // The pool's request-rate quota, still exceeded after the SDK's adaptive retries.
      return new TooManyRequestsError('The service is busy; try again shortly.', 1);
    case 'LimitExceededException':
    case 'TooManyFailedAttemptsException':
      // A limit on this user (codes sent, wrong answers): Cognito does not say for how long.
      return new TooManyRequestsError('Too many attempts; try again later.', 60);
    default:
      return error;
  }
}
