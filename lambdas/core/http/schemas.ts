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

/** An opaque Cognito session string from a challenge. */
export const session = () => z.string().check(z.minLength(20), z.maxLength(4096));
