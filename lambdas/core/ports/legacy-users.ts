/** A user of the legacy application (its PostgreSQL `User` table), as the migration reads it. */
export interface LegacyUser {
  id: string;
  email: string;
  name?: string;
  /** bcrypt (`$2a$`, `$2b$`, `$2y$`); read only to check a password, never logged or written out. */
  passwordHash: string;
}

/** The legacy user table, read-only. */
export interface LegacyUserSource {
  /** By email, case-insensitively; undefined when there is none. */
  findByEmail(email: string): Promise<LegacyUser | undefined>;
}
