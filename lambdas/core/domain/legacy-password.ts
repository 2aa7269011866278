import bcrypt from 'bcryptjs';

/** bcrypt hash prefixes the legacy table may hold; `$2y$` (PHP) is the same algorithm as `$2b$`. */
const BCRYPT = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;

/**
 * Whether `password` matches the legacy bcrypt `hash` (`$2a$`, `$2b$` or
 * `$2y$`). Anything else in the column — another scheme, an empty value —
 * never matches: such a user can only migrate through a password reset.
 */
export async function legacyPasswordMatches(password: string, hash: string): Promise<boolean> {
  if (!BCRYPT.test(hash)) return false;
  return bcrypt.compare(password, hash.replace(/^\$2y\$/, '$2b$'));
}
