import type { UserMigrationTriggerEvent } from 'aws-lambda';
import { legacyUsers } from '../core/deps-legacy';
import { cognitoTrigger } from '../core/trigger/preset';
import { migrateOnForgotPassword, migrateOnSignIn } from '../core/workflows/triggers/user-migration';
import { TRIGGERS } from '../triggers';

/**
 * UserMigration (core/workflows/triggers/user-migration.ts): a user the pool
 * does not have signs in with a password
 * (USER_PASSWORD_AUTH) or asks for a reset code. The legacy `User` table is
 * read (read-only, by email); on a match the user is created with
 * `custom:legacy_id` and no email sent. A refusal is a failed sign-in (401
 * NOT_AUTHORIZED) or the usual reset answer. The event carries the plaintext
 * password: the preset never logs it.
 */
export const handler = cognitoTrigger(
  TRIGGERS.userMigration,
  async (event: UserMigrationTriggerEvent): Promise<UserMigrationTriggerEvent> => {
    const ports = { legacy: legacyUsers() };
    const migration =
      event.triggerSource === 'UserMigration_Authentication'
        ? await migrateOnSignIn(ports, { email: event.userName, password: event.request.password ?? '' })
        : await migrateOnForgotPassword(ports, { email: event.userName });
    event.response = { ...event.response, ...migration };
    return event;
  },
);
