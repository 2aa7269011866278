import { readFileSync } from 'node:fs';
import { ConfigurationError } from '../../domain/errors';
import type { LegacyUser, LegacyUserSource } from '../../ports/legacy-users';

/**
 * Legacy users from a JSON file (`LEGACY_USERS_FILE`, docs/api.md "Local server"):
 * an array of `{id, email, name, passwordHash}`, read once.
 */
export class FileLegacyUsers implements LegacyUserSource {
  private readonly users: LegacyUser[];

  constructor(file: string) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      throw new ConfigurationError(`LEGACY_USERS_FILE ${file} is not a readable JSON file.`);
    }
    if (!Array.isArray(parsed)) throw new ConfigurationError('LEGACY_USERS_FILE must hold a JSON array.');
    this.users = parsed.filter(
      (u): u is LegacyUser =>
        typeof u?.id === 'string' && typeof u?.email === 'string' && typeof u?.passwordHash === 'string',
    );
  }

  async findByEmail(email: string): Promise<LegacyUser | undefined> {
    const wanted = email.trim().toLowerCase();
    const user = this.users.find((u) => u.email.trim().toLowerCase() === wanted);
    return user ? { ...user } : undefined;
  }
}
