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
  customAuth: 'cognito-local has no CUSTOM_AUTH flow (it never calls Define/Create/VerifyAuthChallenge)',
  adminAccountCalls:
    'cognito-local has no AdminResetUserPassword, AdminSetUserMFAPreference or AdminUserGlobalSignOut',
  migrationOnForgotPassword:
    'cognito-local calls UserMigration only from InitiateAuth/AdminInitiateAuth, never from ForgotPassword',
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
} as const;

export type CognitoLocalGap = keyof typeof COGNITO_LOCAL_GAPS;

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
] as const satisfies readonly CognitoLocalGap[];

/** The routes each refused call stops on the emulators, for the start banner. */
export const UNSUPPORTED_ROUTES: Record<(typeof COGNITO_LOCAL_UNSUPPORTED)[number], string> = {
  resend: 'POST /auth/temporary-password/resend, POST /admins/resend-invite',
  globalSignOut: 'POST /auth/sign-out',
  resendConfirmationCode: 'POST /auth/register/resend',
  customAuth: 'POST /auth/passwordless/start and /verify',
  adminAccountCalls:
    'POST /admin/users/{userId}/{suspend|disable|reset-password|sign-out}, require-mfa of a user with TOTP, PUT /admin/users/{userId}/password and /mfa',
};

/**
 * Routes that need a gap before they would reach cognito-local (passwordless sign-in first
 * needs an email sender, which the emulators do not have): answered 501 up front.
 */
export const ROUTES_BEYOND_COGNITO_LOCAL: Readonly<Record<string, CognitoLocalGap>> = {
  'POST /auth/passwordless/start': 'customAuth',
  'POST /auth/passwordless/verify': 'customAuth',
};

/** The start banner's lines on cognito-local's gaps. */
export function unsupportedBanner(): string[] {
  return [
    '  emulator gaps (these routes answer 501 NOT_SUPPORTED_BY_EMULATOR; npm start serves them all):',
    ...COGNITO_LOCAL_UNSUPPORTED.map((gap) => `    - ${COGNITO_LOCAL_GAPS[gap]}: ${UNSUPPORTED_ROUTES[gap]}`),
  ];
}
