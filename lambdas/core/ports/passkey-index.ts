/**
 * The API's own index of passkeys (the `Passkeys` table), because Cognito has
 * no admin API for them: `ListWebAuthnCredentials` and
 * `DeleteWebAuthnCredential` take the user's own access token. Each passkey
 * the API sees — registered through `POST /me/passkeys`, listed at
 * `GET /me/passkeys`, used to sign in — is indexed with its owner; an admin
 * removes one by marking it here, and the API deletes it in Cognito the next
 * time it holds the owner's token (record 0052).
 */
export interface IndexedPasskey {
  credentialId: string;
  userId: string;
  createdAt: string;
  /** Set by an admin's removal: refused at sign-in, deleted in Cognito at the owner's next token. */
  removedAt?: string;
  /** The admin who removed it (their `sub`). */
  removedBy?: string;
}

export interface PasskeyIndex {
  /** The passkey of this credential id, whoever owns it. */
  find(credentialId: string): Promise<IndexedPasskey | undefined>;
  /**
   * Indexes a passkey for its owner. False when the id is indexed for another
   * user already (a credential id belongs to one account); true when it is new
   * or already this owner's.
   */
  add(passkey: Pick<IndexedPasskey, 'credentialId' | 'userId' | 'createdAt'>): Promise<boolean>;
  /** The owner's indexed passkeys, oldest first. */
  listOf(userId: string): Promise<IndexedPasskey[]>;
  /** An admin's removal. Throws NotFoundError when `userId` has no such passkey indexed. */
  markRemoved(userId: string, credentialId: string, by: string, at: Date): Promise<void>;
  /** Forgets a passkey deleted in Cognito (idempotent). */
  forget(credentialId: string): Promise<void>;
}
