import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import bcrypt from 'bcryptjs';
import { FileLegacyUsers } from '../../../lambdas/core/adapters/memory/file-legacy-users';
import { NotAuthorizedError, UserNotFoundError } from '../../../lambdas/core/domain/errors';
import { legacyPasswordMatches } from '../../../lambdas/core/domain/legacy-password';
import {
  migrateOnForgotPassword,
  migrateOnSignIn,
} from '../../../lambdas/core/workflows/triggers/user-migration';

const STRONG = 'Str0ng!Passw0rd';
const dir = mkdtempSync(path.join(tmpdir(), 'legacy-users-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function legacyFile(users: unknown): FileLegacyUsers {
  const file = path.join(dir, `users-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(users));
  return new FileLegacyUsers(file);
}

describe('legacy bcrypt hashes', () => {
  it('accepts $2a$, $2b$ and $2y$ hashes of the password, and nothing else', async () => {
    const b = await bcrypt.hash(STRONG, 4);
    for (const prefix of ['$2a$', '$2b$', '$2y$']) {
      const hash = b.replace(/^\$2[ab]\$/, prefix);
      await expect(legacyPasswordMatches(STRONG, hash)).resolves.toBe(true);
      await expect(legacyPasswordMatches('wrong', hash)).resolves.toBe(false);
    }
    for (const other of ['', 'plaintext', '$1$abc$def', `${b}x`])
      await expect(legacyPasswordMatches(STRONG, other)).resolves.toBe(false);
  });
});

describe('the migration workflows', () => {
  let legacy: FileLegacyUsers;
  beforeAll(async () => {
    legacy = legacyFile([
      { id: 'legacy-1', email: 'Lee@Example.com', name: 'Lee', passwordHash: await bcrypt.hash(STRONG, 4) },
      {
        id: 'legacy-2',
        email: 'weak@example.com',
        name: 'Wes',
        passwordHash: await bcrypt.hash('weakpass', 4),
      },
    ]);
  });

  it('migrates on sign-in with the right password: attributes with legacy id, CONFIRMED, suppressed', async () => {
    await expect(
      migrateOnSignIn({ legacy }, { email: 'lee@example.com', password: STRONG }),
    ).resolves.toEqual({
      userAttributes: {
        email: 'lee@example.com',
        email_verified: 'true',
        name: 'Lee',
        'custom:legacy_id': 'legacy-1',
      },
      finalUserStatus: 'CONFIRMED',
      messageAction: 'SUPPRESS',
    });
  });

  it('migrates a password that fails the pool policy as RESET_REQUIRED', async () => {
    await expect(
      migrateOnSignIn({ legacy }, { email: 'weak@example.com', password: 'weakpass' }),
    ).resolves.toMatchObject({
      finalUserStatus: 'RESET_REQUIRED',
    });
  });

  it('refuses a wrong password and an unknown email alike (NotAuthorized), migrating nothing', async () => {
    await expect(
      migrateOnSignIn({ legacy }, { email: 'lee@example.com', password: 'Wr0ng!Passw0rd' }),
    ).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(
      migrateOnSignIn({ legacy }, { email: 'nobody@example.com', password: STRONG }),
    ).rejects.toBeInstanceOf(NotAuthorizedError);
  });

  it('migrates on forgot-password as RESET_REQUIRED; an unknown email is UserNotFound', async () => {
    await expect(migrateOnForgotPassword({ legacy }, { email: 'LEE@example.com' })).resolves.toMatchObject({
      finalUserStatus: 'RESET_REQUIRED',
      userAttributes: { 'custom:legacy_id': 'legacy-1' },
    });
    await expect(migrateOnForgotPassword({ legacy }, { email: 'nobody@example.com' })).rejects.toBeInstanceOf(
      UserNotFoundError,
    );
  });

  it('refuses a LEGACY_USERS_FILE that is not a JSON array', () => {
    expect(() => legacyFile({ not: 'an array' })).toThrow(/JSON array/);
  });
});
