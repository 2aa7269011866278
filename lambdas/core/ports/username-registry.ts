/** Usernames: unique case-insensitively, set once per account (Cognito's `custom:*` attributes are not unique). */
export interface UsernameRegistry {
  /**
   * In ONE transaction: reserves the case-folded `username` for `userId` (only
   * if no one holds it) and sets the `Users` record's `username` (only if it
   * has none). Of two users racing for one name exactly one wins. Throws
   * UsernameTakenError, UsernameAlreadySetError, NotFoundError (no record).
   */
  claim(userId: string, username: string): Promise<void>;
  /** Frees the reservation of `username` if `userId` holds it (deleting an account). Idempotent. */
  release(userId: string, username: string): Promise<void>;
}

/** The form a username is compared and reserved in. */
export function foldUsername(username: string): string {
  return username.normalize('NFKC').toLowerCase();
}
