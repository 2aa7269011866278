import * as z from 'zod/mini';
import { credentialId, mfaCode, webAuthnCredential } from '../core/http/schemas';
import type { OperationDefinition } from '../core/operation-definition';

/** Operations of the me area: the signed-in user's own account. */
export const ME = {
  getProfile: {
    name: 'getProfile',
    method: 'GET',
    path: '/me',
    access: 'user',
    entry: 'me/get-profile.ts',
    summary: "The caller's profile: their User record and groups.",
    openDuringMfaEnrollment: true,
    permissions: { tables: { users: ['GetItem'] } },
    success: { 200: "The caller's `Profile`" },
  },
  chooseUsername: {
    name: 'chooseUsername',
    method: 'PUT',
    path: '/me/username',
    access: 'user',
    entry: 'me/choose-username.ts',
    summary: 'Set the username once: 3-30 letters and digits, unique case-insensitively.',
    body: z.object({
      username: z.string().check(z.regex(/^[A-Za-z0-9]{3,30}$/, 'must be 3-30 letters and digits')),
    }),
    permissions: {
      cognito: ['cognito-idp:AdminUpdateUserAttributes'],
      tables: { users: ['GetItem', 'UpdateItem'], usernames: ['PutItem'] },
    },
    success: { 200: "The caller's `Profile`" },
  },
  startTotpEnrollment: {
    name: 'startTotpEnrollment',
    method: 'POST',
    path: '/me/mfa/totp',
    access: 'user',
    entry: 'me/start-totp-enrollment.ts',
    summary: 'Start TOTP enrollment: the secret and the otpauth:// URI for an authenticator app.',
    openDuringMfaEnrollment: true,
    permissions: { tables: { users: ['GetItem'] } },
    success: { 200: '`{secretCode, otpauthUri}`' },
  },
  verifyTotpEnrollment: {
    name: 'verifyTotpEnrollment',
    method: 'POST',
    path: '/me/mfa/totp/verify',
    access: 'user',
    entry: 'me/verify-totp-enrollment.ts',
    summary: 'Verify a TOTP code and make TOTP the preferred MFA (pending_mfa -> pending_subscription).',
    body: z.object({ code: mfaCode() }),
    openDuringMfaEnrollment: true,
    permissions: { tables: { users: ['GetItem', 'UpdateItem'] } },
    success: { 200: "The caller's `Profile`" },
  },
  disableMfa: {
    name: 'disableMfa',
    method: 'DELETE',
    path: '/me/mfa',
    access: 'user',
    entry: 'me/disable-mfa.ts',
    summary: 'Turn MFA off, unless an admin requires it (409 MFA_REQUIRED).',
    permissions: { tables: { users: ['GetItem', 'UpdateItem'] } },
    success: { 204: 'MFA off' },
  },
  startPasskeyRegistration: {
    name: 'startPasskeyRegistration',
    method: 'POST',
    path: '/me/passkeys/options',
    access: 'user',
    entry: 'me/start-passkey-registration.ts',
    summary:
      'Creation options for a new passkey (StartWebAuthnRegistration), for navigator.credentials.create().',
    permissions: { tables: { users: ['GetItem'] } },
    success: { 200: '`{options}`: PublicKeyCredentialCreationOptionsJSON' },
  },
  completePasskeyRegistration: {
    name: 'completePasskeyRegistration',
    method: 'POST',
    path: '/me/passkeys',
    access: 'user',
    entry: 'me/complete-passkey-registration.ts',
    summary:
      "Register the browser's new passkey (CompleteWebAuthnRegistration); 400 PASSKEY_REJECTED if it fails verification.",
    body: z.object({ credential: webAuthnCredential() }),
    // The API's passkey index: a credential id indexed to anyone is refused; the new one is indexed.
    permissions: { tables: { users: ['GetItem'], passkeys: ['GetItem', 'PutItem'] } },
    success: { 204: 'Registered' },
  },
  listPasskeys: {
    name: 'listPasskeys',
    method: 'GET',
    path: '/me/passkeys',
    access: 'user',
    entry: 'me/list-passkeys.ts',
    summary: "The caller's passkeys (ListWebAuthnCredentials); one an admin removed is deleted on the way.",
    // The API's passkey index follows Cognito's list (passkey-index-sync.ts).
    permissions: { tables: { users: ['GetItem'], passkeys: ['GetItem', 'Query', 'PutItem', 'DeleteItem'] } },
    success: { 200: '`{passkeys}`' },
  },
  deletePasskey: {
    name: 'deletePasskey',
    method: 'DELETE',
    path: '/me/passkeys/{credentialId}',
    access: 'user',
    entry: 'me/delete-passkey.ts',
    summary:
      "Delete one of the caller's passkeys (DeleteWebAuthnCredential); 404 NOT_FOUND for an id they do not have.",
    params: z.object({ credentialId: credentialId() }),
    permissions: { tables: { users: ['GetItem'], passkeys: ['DeleteItem'] } },
    success: { 204: 'Deleted' },
  },
} as const satisfies Record<string, OperationDefinition>;
