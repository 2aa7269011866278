import { randomBytes } from 'node:crypto';
import { normalizeEmail } from '../../../domain/email';
import type { FakeUser, PoolState } from './pool';
import { PoolTriggerError, type Triggers } from './triggers';

type MigrationSource = 'UserMigration_Authentication' | 'UserMigration_ForgotPassword';

/** What a UserMigration trigger answers (its `response`), as far as Cognito reads it. */
interface MigrationResponse {
  userAttributes?: Record<string, string>;
  finalUserStatus?: string;
  messageAction?: string;
}

/** Attributes Cognito sets itself: a trigger cannot choose them. */
const SET_BY_COGNITO = new Set(['sub', 'email', 'email_verified', 'cognito:username']);

/**
 * The pool's UserMigration step, as Cognito runs it: a password sign-in or a
 * ForgotPassword for a user the pool does not have calls the trigger with
 * the entered user name (and the password, on sign-in); a trigger that
 * answers creates the user with its attributes and `finalUserStatus`
 * (CONFIRMED with the entered password, or RESET_REQUIRED), no email sent
 * (`messageAction: SUPPRESS`). A trigger that throws fails the call
 * (UserLambdaValidationException); no user is created.
 */
export class UserMigration {
  constructor(
    private readonly pool: PoolState,
    private readonly triggers: Triggers,
  ) {}

  /** The migrated user, or undefined when no UserMigration trigger is configured. */
  async migrate(userName: string, source: MigrationSource, password?: string): Promise<FakeUser | undefined> {
    if (!this.triggers.has('UserMigration')) return undefined;
    const answered = (await this.triggers.call('UserMigration', {
      version: '1',
      triggerSource: source,
      region: this.pool.config.region,
      userPoolId: this.pool.config.userPoolId,
      userName,
      callerContext: { awsSdkVersion: 'in-memory', clientId: this.pool.config.clientId },
      request: { password: password ?? '', validationData: {}, clientMetadata: {} },
      response: { userAttributes: {}, desiredDeliveryMediums: [] },
    })) as { response?: MigrationResponse } | undefined;
    const response = answered?.response ?? {};
    const attributes = response.userAttributes ?? {};
    const status = response.finalUserStatus ?? 'CONFIRMED';
    // Cognito refuses an answer without the user's email (the pool's sign-in attribute), or
    // one for another address, and a status it cannot migrate to.
    const email = attributes.email ? normalizeEmail(attributes.email) : '';
    if (email !== normalizeEmail(userName) || (status !== 'CONFIRMED' && status !== 'RESET_REQUIRED'))
      throw new PoolTriggerError('UserMigration', new Error('Invalid migration answer.'));
    const own = Object.fromEntries(Object.entries(attributes).filter(([name]) => !SET_BY_COGNITO.has(name)));
    return this.pool.add({
      email,
      // On ForgotPassword there is no password: the user must set one with the reset code.
      password:
        password && source === 'UserMigration_Authentication' ? password : randomBytes(24).toString('hex'),
      status,
      attributes: own,
    });
  }
}
