import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { NotAuthorizedError, PasswordResetRequiredError } from '../../lambdas/core/domain/errors';
import { insertLegacyUser } from '../../local/emulators/postgres';
import { type CognitoBackend, gapAware, uniqueEmail } from './cognito-backend';

/** bcrypt (cost 10) of LEGACY_PASSWORD and of WEAK_PASSWORD (under today's pool policy). */
export const LEGACY_PASSWORD = 'Legacy!Passw0rd-2019';
const LEGACY_HASH = '$2b$10$gqP9XWwX.X3y5SYbNPHWe.o.QEFfUUZebOiJJocx9XJmB301zgxl6';
const WEAK_PASSWORD = 'letmein1';
const WEAK_HASH = '$2b$10$oBcitDHDW4AtG/7DuLGgyO2lza.O7yS/eteipppxfotyY3qWeOUta';

function legacyDatabaseUrl(): string {
  const url = process.env.LEGACY_DATABASE_URL;
  if (!url) throw new Error('LEGACY_DATABASE_URL is not set: the emulators started no PostgreSQL.');
  return url;
}

/** A user of the legacy app, in the real PostgreSQL both backends' UserMigration trigger reads. */
async function legacyUser(label: string, hash = LEGACY_HASH) {
  const user = { id: randomUUID(), email: uniqueEmail(label), name: `Legacy ${label}`, passwordHash: hash };
  await insertLegacyUser(legacyDatabaseUrl(), user);
  return user;
}

async function removeLegacyUser(id: string): Promise<void> {
  const client = new Client({ connectionString: legacyDatabaseUrl() });
  await client.connect();
  await client.query('DELETE FROM "User" WHERE "id" = $1', [id]);
  await client.end();
}

/**
 * Migration from the legacy PostgreSQL through the pool's UserMigration
 * trigger (the project's own handler: in-process on the fake, its production
 * bundle behind cognito-local), on the same real database.
 */
export function migrationContract(backend: CognitoBackend): void {
  const { unless, skipNote } = gapAware(backend);

  describe(`UserMigration on ${backend.name}`, () => {
    unless('migrationOnSignIn')(
      `migrates a legacy user at their first password sign-in, with their legacy id${skipNote('migrationOnSignIn')}`,
      async () => {
        const legacy = await legacyUser('migrate');

        const outcome = await backend.signIn().passwordLogin(legacy.email.toUpperCase(), LEGACY_PASSWORD);

        expect(outcome).toEqual({ tokens: expect.objectContaining({ idToken: expect.any(String) }) });
        const migrated = await backend.directory().getUser(legacy.email.toLowerCase());
        expect(migrated).toMatchObject({
          email: legacy.email.toLowerCase(),
          sub: expect.stringMatching(/^[0-9a-f-]{36}$/),
          status: 'CONFIRMED',
          attributes: expect.objectContaining({ 'custom:legacy_id': legacy.id, name: legacy.name }),
        });
        // The second sign-in is the pool's own: the legacy row is no longer needed.
        await removeLegacyUser(legacy.id);
        await expect(backend.signIn().passwordLogin(legacy.email, LEGACY_PASSWORD)).resolves.toHaveProperty(
          'tokens',
        );
      },
    );

    unless('migrationOnSignIn')(
      `refuses a wrong legacy password like any failed sign-in, and migrates nothing${skipNote('migrationOnSignIn')}`,
      async () => {
        const legacy = await legacyUser('wrong');

        await expect(backend.signIn().passwordLogin(legacy.email, 'Wr0ng!Password')).rejects.toBeInstanceOf(
          NotAuthorizedError,
        );
        await expect(
          backend.signIn().passwordLogin(uniqueEmail('nobody'), LEGACY_PASSWORD),
        ).rejects.toBeInstanceOf(NotAuthorizedError);
        await expect(backend.directory().getUser(legacy.email.toLowerCase())).resolves.toBeUndefined();
      },
    );

    unless('migrationOnSignIn')(
      `migrates a password under today's policy as RESET_REQUIRED: sign-in asks for a reset${skipNote('migrationOnSignIn')}`,
      async () => {
        const legacy = await legacyUser('weak', WEAK_HASH);

        await expect(backend.signIn().passwordLogin(legacy.email, WEAK_PASSWORD)).rejects.toBeInstanceOf(
          PasswordResetRequiredError,
        );
        await expect(backend.directory().getUser(legacy.email.toLowerCase())).resolves.toMatchObject({
          status: 'RESET_REQUIRED',
          attributes: expect.objectContaining({ 'custom:legacy_id': legacy.id }),
        });
      },
    );

    unless('migrationOnForgotPassword')(
      `migrates on ForgotPassword and mails the reset code${skipNote('migrationOnForgotPassword')}`,
      async () => {
        const legacy = await legacyUser('forgot');

        await backend.selfService().forgotPassword(legacy.email);

        await expect(backend.directory().getUser(legacy.email.toLowerCase())).resolves.toMatchObject({
          status: 'RESET_REQUIRED',
          attributes: expect.objectContaining({ 'custom:legacy_id': legacy.id }),
        });
        const code = await backend.resetCodeOf(legacy.email);
        await backend
          .selfService()
          .confirmForgotPassword({ email: legacy.email, code, newPassword: 'N3w!Passw0rd-2026' });
        await expect(
          backend.signIn().passwordLogin(legacy.email, 'N3w!Passw0rd-2026'),
        ).resolves.toHaveProperty('tokens');
      },
    );
  });
}
