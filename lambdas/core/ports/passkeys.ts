/**
 * Passkeys: the WebAuthn credentials a signed-in user manages with their own
 * access token (Cognito `StartWebAuthnRegistration`,
 * `CompleteWebAuthnRegistration`, `ListWebAuthnCredentials`,
 * `DeleteWebAuthnCredential`; no IAM permission). The options and the
 * credential travel as the JSON WebAuthn defines
 * (`PublicKeyCredentialCreationOptionsJSON`, `RegistrationResponseJSON`).
 */

/** A registered passkey, as ListWebAuthnCredentials describes it. */
export interface Passkey {
  credentialId: string;
  /** Cognito's name for it, e.g. from the authenticator's model. */
  name: string;
  relyingPartyId: string;
  attachment?: string;
  transports: string[];
  createdAt: string;
}

export interface Passkeys {
  /**
   * StartWebAuthnRegistration: the creation options for the browser. Throws
   * UnauthenticatedError, FeatureNotConfiguredError when the pool has no
   * relying party (passkeys off).
   */
  startRegistration(accessToken: string): Promise<Record<string, unknown>>;

  /**
   * CompleteWebAuthnRegistration with the browser's answer. Throws
   * PasskeyRejectedError when it fails verification (no pending challenge,
   * wrong origin or relying party, no user presence or verification, a bad
   * attestation), TooManyRequestsError over the per-user limit.
   */
  completeRegistration(accessToken: string, credential: Record<string, unknown>): Promise<void>;

  /** ListWebAuthnCredentials: every passkey of the caller, oldest first. */
  list(accessToken: string): Promise<Passkey[]>;

  /** DeleteWebAuthnCredential. Throws NotFoundError for an id the caller does not have. */
  remove(accessToken: string, credentialId: string): Promise<void>;
}
