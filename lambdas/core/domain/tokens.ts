/** The tokens object of docs/api.md. */
export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
  tokenType: 'Bearer';
}

export type ChallengeName =
  | 'NEW_PASSWORD_REQUIRED'
  | 'SOFTWARE_TOKEN_MFA'
  | 'SMS_MFA'
  | 'MFA_SETUP'
  | 'EMAIL_OTP'
  | 'CUSTOM_CHALLENGE'
  | 'SELECT_CHALLENGE'
  | 'PASSWORD'
  | 'WEB_AUTHN';

/** USER_AUTH's first factors: what SELECT_CHALLENGE offers and `preferred` may name. */
export type FirstFactor = 'PASSWORD' | 'EMAIL_OTP' | 'WEB_AUTHN';

/** The challenges of USER_AUTH, the choice-based sign-in (answered at POST /auth/challenge). */
export const USER_AUTH_STEPS: ReadonlySet<ChallengeName> = new Set([
  'SELECT_CHALLENGE',
  'EMAIL_OTP',
  'PASSWORD',
  'WEB_AUTHN',
]);

/** A challenge the client must answer; `session` is opaque and short-lived. */
export interface Challenge {
  name: ChallengeName;
  session: string;
  /** MFA_SETUP only: the TOTP secret to enroll, and the `otpauth://` URI to scan. */
  secretCode?: string;
  otpauthUri?: string;
  /** EMAIL_OTP only: answers left for this code. */
  attemptsRemaining?: number;
  /** SELECT_CHALLENGE only: the first factors this sign-in may go on with. */
  availableChallenges?: FirstFactor[];
  /** WEB_AUTHN only: the request options for `navigator.credentials.get()`, as JSON. */
  credentialRequestOptions?: Record<string, unknown>;
  /** CUSTOM_CHALLENGE (the ports only): the public challenge parameters. */
  parameters?: Record<string, string>;
}

/** What a login-like call yields: tokens, or the next challenge. */
export type AuthOutcome = { tokens: Tokens } | { challenge: Challenge };

/** Claims of a verified Cognito access token that handlers use. */
export interface Caller {
  sub: string;
  username: string;
  groups: string[];
}

/**
 * The claims of a token Cognito issued in this very request (read, not
 * verified: it came from Cognito, not from a client); undefined if unreadable.
 */
export function unverifiedClaims(token: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
