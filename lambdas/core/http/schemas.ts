import * as z from 'zod/mini';

/** Trimmed, lower-cased, and shaped like an email address (docs/api.md: case-insensitive). */
export const email = () => z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254), z.email());

/**
 * A password field. The policy itself is checked by the domain
 * (`passwordPolicyViolations`) so that a weak password answers INVALID_PASSWORD,
 * not VALIDATION_ERROR.
 */
export const password = () => z.string().check(z.minLength(1), z.maxLength(256));

/** A 6-digit one-time code (TOTP, SMS, email). */
export const mfaCode = () => z.string().check(z.trim(), z.regex(/^\d{6}$/, 'must be 6 digits'));

/** A one-time code of 6 (TOTP, SMS, sign-up, reset) or 8 digits (USER_AUTH's emailed code). */
export const oneTimeCode = () =>
  z.string().check(z.trim(), z.regex(/^(\d{6}|\d{8})$/, 'must be 6 or 8 digits'));

/** USER_AUTH's first factors. */
export const firstFactor = () => z.enum(['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN']);

/**
 * A WebAuthn credential as the browser's `toJSON()` gives it
 * (RegistrationResponseJSON or AuthenticationResponseJSON); its contents are
 * the relying party's to verify.
 */
export const webAuthnCredential = () =>
  z.looseObject({
    id: z.string().check(z.minLength(1), z.maxLength(1024)),
    type: z.literal('public-key'),
    response: z.record(z.string(), z.unknown()),
  });

/** An opaque Cognito session string from a challenge. */
export const session = () => z.string().check(z.minLength(20), z.maxLength(4096));

/** A passkey's credential id, base64url as WebAuthn and Cognito spell it (a path parameter). */
export const credentialId = () =>
  z.string().check(z.regex(/^[A-Za-z0-9_-]{1,1024}$/, 'must be a base64url credential id'));
