import type { CognitoEmulator } from './types';

/**
 * Every behaviour of Cognito that an emulator may lack, by name: the contract
 * and direct-Cognito suites skip a check with the name, and each emulator's
 * list below says why it lacks it (docs/fidelity.md is generated from both).
 */
export const GAP_NAMES = [
  'checksTemporaryPassword',
  'enforcesPasswordPolicy',
  'resend',
  'validatesChallengeSession',
  'globalSignOut',
  'resendConfirmationCode',
  'refreshAfterChallenge',
  'refreshSecretHash',
  'refreshAuthTime',
  'lockout',
  'customAuth',
  'adminAccountCalls',
  'migrationOnForgotPassword',
  'migrationOnSignIn',
  'preSignUp',
  'disableRevokesTokens',
  'resetRequired',
  'adminSignOut',
  'totpWindows',
  'mfaSetup',
  'deliversMessages',
  'checksCodes',
  'secretHash',
  'emailChange',
  'writeAttributes',
  'passwordPolicy',
  'revokeToken',
  'selfDelete',
  'devices',
  'userAuth',
  'webAuthn',
] as const;

export type EmulatorGap = (typeof GAP_NAMES)[number];
export type EmulatorGaps = Partial<Record<EmulatorGap, string>>;

/**
 * What cognito-local lacks of Cognito's API, by name, written once: the contract
 * and direct-Cognito suites skip a check with the gap's name and this reason, the
 * round-trip table names the gap for a route it cannot count there, and the start
 * banner lists those that answer 501.
 */
export const COGNITO_LOCAL_GAPS = {
  checksTemporaryPassword: 'cognito-local accepts any password for a FORCE_CHANGE_PASSWORD user',
  enforcesPasswordPolicy: 'cognito-local does not apply the pool password policy to NEW_PASSWORD_REQUIRED',
  resend: 'cognito-local does not implement AdminCreateUser MessageAction=RESEND',
  validatesChallengeSession: 'cognito-local ignores the Session of RespondToAuthChallenge',
  globalSignOut: 'cognito-local has no GlobalSignOut',
  resendConfirmationCode: 'cognito-local has no ResendConfirmationCode',
  refreshAfterChallenge:
    'cognito-local does not keep the refresh token that RespondToAuthChallenge issues (only InitiateAuth ones)',
  lockout: 'cognito-local never locks an account out after failed passwords',
  refreshAuthTime:
    "cognito-local stamps a refreshed token's auth_time with the refresh (Cognito keeps the sign-in's)",
  customAuth: 'cognito-local has no CUSTOM_AUTH flow (it never calls Define/Create/VerifyAuthChallenge)',
  adminAccountCalls:
    'cognito-local has no AdminResetUserPassword, AdminSetUserMFAPreference or AdminUserGlobalSignOut',
  migrationOnForgotPassword:
    'cognito-local calls UserMigration only from InitiateAuth/AdminInitiateAuth, never from ForgotPassword',
  userAuth:
    'cognito-local has no USER_AUTH flow (choice-based sign-in: SELECT_CHALLENGE, EMAIL_OTP, PASSWORD)',
  webAuthn: 'cognito-local has no WebAuthn APIs (passkeys: StartWebAuthnRegistration and the rest)',
  disableRevokesTokens:
    'cognito-local answers GetUser for a disabled user (Cognito refuses the token, and AdminDisableUser revokes it for good)',
  mfaSetup:
    'cognito-local never issues MFA_SETUP (it has no MFA REQUIRED sign-in path, nor AssociateSoftwareToken with a Session)',
  // What a caller going around the API would find (test/support/direct-cognito.ts).
  secretHash:
    'cognito-local generates the client secret but never checks SECRET_HASH (it answers calls without one)',
  emailChange:
    'cognito-local applies UpdateUserAttributes at once (no keepOriginal, no CustomMessage_UpdateUserAttribute, so the trigger cannot refuse)',
  writeAttributes: "cognito-local does not enforce the app client's write attributes",
  passwordPolicy: 'cognito-local does not apply the password policy to ChangePassword',
  revokeToken: 'cognito-local does not revoke access tokens on RevokeToken',
  devices: 'cognito-local has no device APIs',
} as const satisfies EmulatorGaps;

export type CognitoLocalGap = keyof typeof COGNITO_LOCAL_GAPS;

/**
 * What moto's Cognito (moto 5.2) lacks, found by the same suites run on it
 * (test/contract/cognito.test.ts, test/integration/direct-cognito-emulators.test.ts).
 */
export const MOTO_GAPS = {
  resend:
    'moto implements AdminCreateUser MessageAction=RESEND by replacing the user (a new sub; Cognito keeps the user and sends a new temporary password)',
  resendConfirmationCode: 'moto has no ResendConfirmationCode (HTTP 500)',
  refreshSecretHash:
    "moto checks REFRESH_TOKEN_AUTH's SECRET_HASH against the name signed in with (the email), Cognito against the user's username (the sub)",
  lockout: 'moto never locks an account out after failed passwords',
  refreshAuthTime: "moto stamps a refreshed token's auth_time with the refresh (Cognito keeps the sign-in's)",
  customAuth: 'moto calls no Lambda triggers, so CUSTOM_AUTH answers without a challenge',
  migrationOnSignIn: 'moto calls no Lambda triggers (no UserMigration on sign-in)',
  migrationOnForgotPassword: 'moto calls no Lambda triggers (no UserMigration on ForgotPassword)',
  preSignUp: 'moto calls no Lambda triggers (no PreSignUp: a sign-up without the API ticket is accepted)',
  deliversMessages:
    'moto sends no email: no temporary password (the tests set one with AdminSetUserPassword, Permanent=false) and no codes',
  checksCodes:
    'moto accepts any ConfirmSignUp code, and any ConfirmForgotPassword code it did not hand out itself',
  adminSignOut:
    "moto's AdminUserGlobalSignOut revokes only the tokens of sign-ins made with the very name it is given; the adapters name the user by username (the sub) and users sign in by email, so nothing is revoked (Cognito revokes every token of the user)",
  resetRequired:
    'moto signs a RESET_REQUIRED user in with the old password (Cognito answers PasswordResetRequiredException)',
  validatesChallengeSession:
    'moto refuses a made-up challenge Session with ResourceNotFoundException (Cognito: NotAuthorizedException, "Invalid session for the user")',
  disableRevokesTokens:
    "moto refuses a disabled user's access token but accepts it again once the user is enabled (Cognito's AdminDisableUser revokes it for good)",
  totpWindows:
    "moto checks a TOTP code against the current 30-second step only, with one fixed secret for every user (Cognito: the user's own secret, the neighbouring steps too, a code used once refused)",
  // What a caller going around the API would find (test/support/direct-cognito.ts).
  secretHash:
    'moto checks SECRET_HASH only on USER_SRP_AUTH and REFRESH_TOKEN_AUTH (it answers USER_PASSWORD_AUTH, SignUp, ForgotPassword and the rest without one)',
  emailChange:
    'moto applies UpdateUserAttributes at once (no keepOriginal, no CustomMessage trigger to refuse it)',
  writeAttributes: "moto does not enforce the app client's write attributes",
  revokeToken: 'moto has no RevokeToken (HTTP 500)',
  selfDelete: 'moto has no DeleteUser (HTTP 500)',
  devices: 'moto has no device APIs (HTTP 500)',
  userAuth: 'moto has no USER_AUTH flow (choice-based sign-in: SELECT_CHALLENGE, EMAIL_OTP, PASSWORD)',
  webAuthn: 'moto has no WebAuthn APIs (passkeys: StartWebAuthnRegistration and the rest)',
} as const satisfies EmulatorGaps;

/** The routes of USER_AUTH and passkeys, which neither emulator has: 501 up front on both. */
const MODERN_SIGN_IN_ROUTES = {
  'POST /auth/sign-in': 'userAuth',
  'POST /me/passkeys/options': 'webAuthn',
  'POST /me/passkeys': 'webAuthn',
  'GET /me/passkeys': 'webAuthn',
  'DELETE /me/passkeys/{credentialId}': 'webAuthn',
} as const;

export type MotoGap = keyof typeof MOTO_GAPS;

/**
 * Routes that need what moto lacks, answered `501 NOT_SUPPORTED_BY_EMULATOR` up front on
 * `npm run start:emulators -- --cognito moto` (a RESEND there would replace the user, a refresh
 * would be refused as if the token were bad).
 */
export const ROUTES_BEYOND_MOTO: Readonly<Record<string, MotoGap>> = {
  'POST /auth/temporary-password/resend': 'resend',
  'POST /admins/resend-invite': 'resend',
  'POST /auth/register/resend': 'resendConfirmationCode',
  'POST /auth/refresh': 'refreshSecretHash',
  'POST /auth/passwordless/start': 'customAuth',
  'POST /auth/passwordless/verify': 'customAuth',
  ...MODERN_SIGN_IN_ROUTES,
};

/**
 * The gaps where cognito-local refuses the call itself (`CognitoLocal#Unsupported`): on
 * `npm run start:emulators` a route that needs one answers `501 NOT_SUPPORTED_BY_EMULATOR`
 * (local/emulators/unsupported.ts). The others are silent deviations, listed for the tests.
 */
export const COGNITO_LOCAL_UNSUPPORTED = [
  'resend',
  'globalSignOut',
  'resendConfirmationCode',
  'customAuth',
  'adminAccountCalls',
  'userAuth',
  'webAuthn',
] as const satisfies readonly CognitoLocalGap[];

/** The routes each refused call stops on the emulators, for the start banner. */
export const UNSUPPORTED_ROUTES: Record<(typeof COGNITO_LOCAL_UNSUPPORTED)[number], string> = {
  resend: 'POST /auth/temporary-password/resend, POST /admins/resend-invite',
  globalSignOut: 'POST /auth/sign-out',
  resendConfirmationCode: 'POST /auth/register/resend',
  customAuth: 'POST /auth/passwordless/start and /verify',
  adminAccountCalls:
    'POST /admin/users/{userId}/{suspend|disable|reset-password|sign-out}, require-mfa of a user with TOTP, PUT /admin/users/{userId}/password and /mfa',
  userAuth: 'POST /auth/sign-in',
  webAuthn:
    'POST /me/passkeys/options, POST /me/passkeys, GET /me/passkeys, DELETE /me/passkeys/{credentialId}',
};

/**
 * Routes that need a gap before they would reach cognito-local (passwordless sign-in first
 * needs an email sender, which the emulators do not have): answered 501 up front.
 */
export const ROUTES_BEYOND_COGNITO_LOCAL: Readonly<Record<string, CognitoLocalGap>> = {
  'POST /auth/passwordless/start': 'customAuth',
  'POST /auth/passwordless/verify': 'customAuth',
  ...MODERN_SIGN_IN_ROUTES,
};

/** Each Cognito emulator's gaps, by the emulator's name. */
export const EMULATOR_GAPS: Readonly<Record<CognitoEmulator, EmulatorGaps>> = {
  'cognito-local': COGNITO_LOCAL_GAPS,
  moto: MOTO_GAPS,
};

/** Each emulator's routes answered 501 before the handler runs, with the gap they need. */
export const ROUTES_BEYOND: Readonly<Record<CognitoEmulator, Readonly<Record<string, EmulatorGap>>>> = {
  'cognito-local': ROUTES_BEYOND_COGNITO_LOCAL,
  moto: ROUTES_BEYOND_MOTO,
};

/** The start banner's lines on the gaps of the Cognito emulator the API runs on. */
export function unsupportedBanner(emulator: CognitoEmulator = 'cognito-local'): string[] {
  const head =
    '  emulator gaps (these routes answer 501 NOT_SUPPORTED_BY_EMULATOR; npm start serves them all):';
  if (emulator === 'moto') {
    const byGap = new Map<MotoGap, string[]>();
    for (const [route, gap] of Object.entries(ROUTES_BEYOND_MOTO))
      byGap.set(gap, [...(byGap.get(gap) ?? []), route]);
    return [head, ...[...byGap].map(([gap, routes]) => `    - ${MOTO_GAPS[gap]}: ${routes.join(', ')}`)];
  }
  return [
    head,
    ...COGNITO_LOCAL_UNSUPPORTED.map((gap) => `    - ${COGNITO_LOCAL_GAPS[gap]}: ${UNSUPPORTED_ROUTES[gap]}`),
  ];
}
