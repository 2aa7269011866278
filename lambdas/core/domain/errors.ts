/**
 * Domain errors. They know nothing of HTTP: `core/http/error-table.ts` is the
 * one place that maps them to status codes and stable API codes.
 */
export abstract class DomainError extends Error {
  constructor(message?: string) {
    super(message);
    // Production bundles keep class names (esbuild keepNames), so logs stay readable.
    this.name = new.target.name;
  }
}

/** A request field failed its schema; `field` is a dotted path. */
export class RequestValidationError extends DomainError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** A new password does not satisfy the pool's password policy. */
export class InvalidPasswordError extends DomainError {}

/** Wrong credentials, or an unknown user: deliberately indistinguishable. */
export class NotAuthorizedError extends DomainError {
  constructor(message = 'Incorrect email or password.') {
    super(message);
  }
}

/** A challenge session is unknown, already used, or older than the auth session validity. */
export class InvalidSessionError extends DomainError {
  constructor(message = 'The session is invalid or has expired; sign in again.') {
    super(message);
  }
}

/** The temporary password is past its validity; the user must ask for a resend. */
export class TemporaryPasswordExpiredError extends DomainError {
  constructor(message = 'The temporary password has expired; ask for a new one.') {
    super(message);
  }
}

/** Correct password, but the email address is not confirmed yet. */
export class UserNotConfirmedError extends DomainError {
  constructor(message = 'The email address is not confirmed yet.') {
    super(message);
  }
}

/** An administrator reset the password; the user must go through the reset flow. */
export class PasswordResetRequiredError extends DomainError {
  constructor(message = 'A password reset is required; use the forgot-password flow.') {
    super(message);
  }
}

/** The credentials are correct but no new password is pending for this user. */
export class NewPasswordNotRequiredError extends DomainError {
  constructor(message = 'This account has no pending new-password challenge; sign in normally.') {
    super(message);
  }
}

/** An account with this email or username already exists. */
export class UserExistsError extends DomainError {}

/** No such user (only surfaced where that does not enable enumeration). */
export class UserNotFoundError extends DomainError {}

/** The user exists but is in a state that does not allow the operation. */
export class UserStateError extends DomainError {}

/** An invitation was already accepted (the password is set): there is nothing to resend. */
export class InvitationAcceptedError extends DomainError {}

/** A confirmation, reset or MFA code is wrong. */
export class CodeMismatchError extends DomainError {}

/** A confirmation, reset or MFA code is no longer valid. */
export class CodeExpiredError extends DomainError {}

/** Missing, malformed, expired or revoked token. */
export class UnauthenticatedError extends DomainError {
  constructor(message = 'A valid access token is required.') {
    super(message);
  }
}

/** Authenticated, but not allowed to do this. */
export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this.') {
    super(message);
  }
}

/** A webhook signature is missing or does not match the body. */
export class InvalidSignatureError extends DomainError {
  constructor(message = 'The request signature is missing or invalid.') {
    super(message);
  }
}

/**
 * Too many requests: for one key (an email, a code) in the current window, or
 * Cognito throttling the pool's quota. Answered 429 with `Retry-After` in seconds.
 */
export class TooManyRequestsError extends DomainError {
  constructor(
    message = 'Too many requests; try again later.',
    readonly retryAfterSeconds = 1,
  ) {
    super(message);
  }
}

/** A record that should exist does not. */
export class NotFoundError extends DomainError {}

/** A conditional write found a record already there. */
export class RecordExistsError extends DomainError {}

/** An onboarding status move that the ladder does not allow. */
export class InvalidTransitionError extends DomainError {}

/** MFA may not be turned off for this user (an admin requires it). */
export class MfaRequiredError extends DomainError {
  constructor(message = 'An administrator requires MFA for this account.') {
    super(message);
  }
}

/** An admin aimed a disable, suspend, demotion or delete at their own account. */
export class CannotTargetSelfError extends DomainError {
  constructor(message = 'An administrator may not do this to their own account.') {
    super(message);
  }
}

/** An admin requires MFA and the caller has not enrolled yet: only enrollment routes are open. */
export class MfaEnrollmentRequiredError extends DomainError {
  constructor(message = 'An administrator requires MFA: enroll TOTP first (POST /me/mfa/totp).') {
    super(message);
  }
}

/** The username is taken by someone else (compared case-insensitively). */
export class UsernameTakenError extends DomainError {
  constructor(message = 'This username is taken.') {
    super(message);
  }
}

/** A username is set once; this account has one already. */
export class UsernameAlreadySetError extends DomainError {
  constructor(message = 'The username of this account is set already.') {
    super(message);
  }
}

/** An `Idempotency-Key` sent again with a different request. */
export class IdempotencyKeyReusedError extends DomainError {
  constructor(message = 'This Idempotency-Key was used with a different request.') {
    super(message);
  }
}

/** The function's IAM role lacks `action` (an AccessDenied answer); never shown beyond admins. */
export class PermissionDeniedError extends DomainError {
  constructor(readonly action: string) {
    super(`The function may not call ${action}.`);
  }
}

/**
 * A feature this deployment was not configured for (an optional setting is
 * absent): `501 NOT_CONFIGURED`. The message names the feature, not the setting.
 */
export class FeatureNotConfiguredError extends DomainError {}

/**
 * A part of the deployment is still being built, e.g. a new index DynamoDB is
 * filling from the existing records after an upgrade: `503 NOT_READY`.
 */
export class NotReadyError extends DomainError {}

/** The deployment is missing a setting it needs; never shown to clients. */
export class ConfigurationError extends DomainError {}

/**
 * A passkey the relying party refuses: registration or assertion failing
 * WebAuthn verification (no open challenge, a foreign origin or relying
 * party, no user presence or required verification, a bad signature or sign
 * counter): `400 PASSKEY_REJECTED`.
 */
export class PasskeyRejectedError extends DomainError {
  constructor(message = 'The passkey could not be verified.') {
    super(message);
  }
}
