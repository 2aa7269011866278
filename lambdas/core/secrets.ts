/**
 * The secret catalogue: one entry per shared secret. The stack creates one
 * generated Secrets Manager secret per entry a registry row reads, grants
 * `GetSecretValue` on it to exactly those functions and hands them its ARN in
 * `arnEnv`; local runs read the value from `valueEnv`, and mock mode falls
 * back to `mockDefault` (never used where an ARN is set: F17).
 */
export interface SecretSpec {
  readonly arnEnv: string;
  readonly valueEnv: string;
  readonly mockDefault: string;
  readonly description: string;
  /** Why no rotation Lambda (the cdk-nag AwsSolutions-SMG4 acknowledgment). */
  readonly rotation: string;
  /**
   * The team brings this secret (its ARN is a stack prop) instead of the
   * stack generating it; emulators and mock mode have no default for it.
   */
  readonly provided?: true;
  /**
   * A copy of the app client's secret, which Cognito generates: the stack
   * stores it (read through a custom resource) instead of generating a value.
   */
  readonly fromAppClient?: true;
}

const SHARED_WITH_SENDER =
  'A webhook signing key is shared with an external sender; rotating it needs the sender to switch at the same moment, so it is rotated by the documented manual procedure (docs/operations.md), not by a rotation Lambda.';

export const SECRETS = {
  applicationWebhook: {
    arnEnv: 'APPLICATION_WEBHOOK_SECRET_ARN',
    valueEnv: 'APPLICATION_WEBHOOK_SECRET',
    mockDefault: 'local-webhook-secret',
    description: 'HMAC-SHA256 key shared with the e-signature provider (POST /applications).',
    rotation: SHARED_WITH_SENDER,
  },
  billingWebhook: {
    arnEnv: 'BILLING_WEBHOOK_SECRET_ARN',
    valueEnv: 'BILLING_WEBHOOK_SECRET',
    mockDefault: 'local-billing-secret',
    description: 'Signing secret shared with the billing provider (POST /webhooks/billing).',
    rotation: SHARED_WITH_SENDER,
  },
  signUpTicket: {
    arnEnv: 'SIGN_UP_TICKET_SECRET_ARN',
    valueEnv: 'SIGN_UP_TICKET_KEY',
    mockDefault: 'local-sign-up-ticket-key',
    description:
      'HMAC key of the sign-up tickets: POST /auth/register signs each SignUp, the PreSignUp trigger admits only signed ones.',
    rotation:
      'An internal key read only by the register function and the PreSignUp trigger (cached 5 minutes); changing its value refuses tickets in flight for at most that long, so it is rotated by putting a new value (docs/operations.md), without a rotation Lambda.',
  },
  listCursor: {
    arnEnv: 'LIST_CURSOR_SECRET_ARN',
    valueEnv: 'LIST_CURSOR_KEY',
    mockDefault: 'local-list-cursor-key',
    description:
      'HMAC key of the opaque paging cursors of GET /admin/users (tamper-proof, bound to their query).',
    rotation:
      'An internal key read only by the list function (cached 5 minutes); a new value only makes cursors issued before it invalid (400, the admin reloads the first page), so it is rotated by putting a new value, without a rotation Lambda.',
  },
  appClient: {
    arnEnv: 'COGNITO_CLIENT_SECRET_ARN',
    valueEnv: 'COGNITO_CLIENT_SECRET',
    mockDefault: 'local-app-client-secret',
    description:
      "The app client's secret (a copy of what Cognito generated): every unauthenticated Cognito call — sign-in, challenges, refresh, sign-up, codes, resets — carries a SECRET_HASH made with it, so only the API can make them.",
    rotation:
      'Cognito generates the app client secret; rotating it means adding a new client secret to the app client and putting its value here (docs/operations.md, "The app client secret"); the functions read it cached for 5 minutes.',
    fromAppClient: true,
  },
  legacyDatabase: {
    arnEnv: 'LEGACY_DATABASE_SECRET_ARN',
    valueEnv: 'LEGACY_DATABASE_URL',
    mockDefault: '',
    description:
      'The legacy PostgreSQL the UserMigration trigger reads (read-only): a postgres:// URL or an RDS-managed secret (JSON).',
    rotation:
      'Owned by the team that owns the legacy database (often RDS-managed, rotated by RDS); the stack only reads it.',
    provided: true,
  },
} as const satisfies Record<string, SecretSpec>;

export type SecretName = keyof typeof SECRETS;

/** Whether the stack stores the app client's own secret under this name (never generated, never provided). */
export function appClientSecret(name: SecretName): boolean {
  return (SECRETS[name] as SecretSpec).fromAppClient === true;
}

/** Whether the team brings this secret (an imported ARN) instead of the stack generating it. */
export function providedSecret(name: SecretName): boolean {
  return (SECRETS[name] as SecretSpec).provided === true;
}
