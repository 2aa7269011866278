import type { TriggerDefinition } from './core/trigger/definition';

/**
 * THE trigger registry: one row per Cognito user pool trigger. The stack
 * builds one function per row and attaches it to the pool (no pool ids in
 * its environment: handlers read `event.userPoolId`); the local server and
 * the test harness hand the in-memory Cognito an invoker built from it; the
 * emulators serve it on a loopback Lambda Invoke endpoint for cognito-local.
 */
export const TRIGGERS = {
  customMessage: {
    name: 'customMessage',
    trigger: 'CustomMessage',
    entry: 'triggers/custom-message.ts',
    summary: 'Brands the invitation, verification and reset emails Cognito sends.',
    permissions: {},
  },
  preSignUp: {
    name: 'preSignUp',
    trigger: 'PreSignUp',
    entry: 'triggers/pre-sign-up.ts',
    summary: 'Admits a self sign-up only with the ticket POST /auth/register signs.',
    permissions: { secrets: ['signUpTicket'] },
  },
  defineAuthChallenge: {
    name: 'defineAuthChallenge',
    trigger: 'DefineAuthChallenge',
    entry: 'triggers/define-auth-challenge.ts',
    summary: 'Passwordless sign-in: the CUSTOM_AUTH state machine from the session history (no SDK).',
    permissions: {},
  },
  createAuthChallenge: {
    name: 'createAuthChallenge',
    trigger: 'CreateAuthChallenge',
    entry: 'triggers/create-auth-challenge.ts',
    summary: 'Passwordless sign-in: mails a 6-digit code (5 per address per 15 min), kept server side.',
    permissions: { tables: { rateLimits: ['UpdateItem', 'GetItem'] }, sendsEmail: true },
  },
  verifyAuthChallengeResponse: {
    name: 'verifyAuthChallengeResponse',
    trigger: 'VerifyAuthChallengeResponse',
    entry: 'triggers/verify-auth-challenge-response.ts',
    summary:
      'Passwordless sign-in: the code, in constant time, within its 3 minutes; counts failed sessions.',
    permissions: { tables: { rateLimits: ['UpdateItem'] } },
  },
  userMigration: {
    name: 'userMigration',
    trigger: 'UserMigration',
    entry: 'triggers/user-migration.ts',
    summary:
      'Moves a legacy user (PostgreSQL, bcrypt) into the pool at their first password sign-in or reset.',
    permissions: { secrets: ['legacyDatabase'] },
    optIn: 'legacyDatabase',
  },
} as const satisfies Record<string, TriggerDefinition>;

export type TriggerName = keyof typeof TRIGGERS;

/** The registry as a list, in declaration order. */
export const TRIGGER_LIST: readonly TriggerDefinition[] = Object.values(TRIGGERS);
