/**
 * Settings of the Cognito User Pool that the code relies on. The stack, the
 * request validators and the in-memory Cognito fake all read them from here,
 * so the three cannot drift apart.
 */

/** The password policy: at least 8 characters with upper, lower, digit and symbol. */
export const PASSWORD_POLICY = {
  minLength: 8,
  requireUppercase: true,
  requireLowercase: true,
  requireDigits: true,
  requireSymbols: true,
} as const;

/** How long an AdminCreateUser temporary password stays valid. */
export const TEMPORARY_PASSWORD_VALIDITY_DAYS = 7;

/** Token validity of the app client. */
export const TOKEN_VALIDITY = {
  accessTokenMinutes: 60,
  idTokenMinutes: 60,
  refreshTokenDays: 30,
  /** How long a challenge session (e.g. NEW_PASSWORD_REQUIRED) stays usable. */
  authSessionMinutes: 3,
} as const;

/** Custom attributes of the pool (declared without the `custom:` prefix). */
export const CUSTOM_ATTRIBUTES = {
  role: { mutable: true, maxLen: 32 },
  organizationId: { mutable: true, maxLen: 64 },
  legacy_id: { mutable: false, maxLen: 64 },
  username: { mutable: true, maxLen: 30 },
  username_set: { mutable: true, maxLen: 5 },
} as const;

export type CustomAttributeName = keyof typeof CUSTOM_ATTRIBUTES;

/** The Cognito group whose members may use admin routes. */
export const ADMIN_GROUP = 'admin';

/** The OAuth scope every Cognito access token carries; the API authorizer requires it. */
export const COGNITO_ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

// Cognito's symbol set for password policies.
const SYMBOLS = `^$*.[]{}()?"!@#%&/\\,><':;|_~\`=+-`;

/**
 * Lists what a password lacks under PASSWORD_POLICY; an empty list means it
 * passes. The messages never include the password itself.
 */
export function passwordPolicyViolations(password: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_POLICY.minLength) {
    problems.push(`at least ${PASSWORD_POLICY.minLength} characters`);
  }
  if (PASSWORD_POLICY.requireUppercase && !/[A-Z]/.test(password)) problems.push('an upper-case letter');
  if (PASSWORD_POLICY.requireLowercase && !/[a-z]/.test(password)) problems.push('a lower-case letter');
  if (PASSWORD_POLICY.requireDigits && !/[0-9]/.test(password)) problems.push('a digit');
  if (PASSWORD_POLICY.requireSymbols && ![...password].some((c) => SYMBOLS.includes(c))) {
    problems.push('a symbol');
  }
  return problems;
}
