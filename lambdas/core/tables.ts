/**
 * The table catalogue: one entry per DynamoDB table of the stack. The Data
 * construct builds the tables from it, the function preset grants and names
 * them by it, the composition root reads the environment variables it names,
 * and the emulators recognise the synthesized tables by its construct ids.
 * Adding a table touches this file and its adapter only.
 */

/** A global secondary index: its name, partition key and, if it has one, sort key. */
export interface TableIndex {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey?: string;
}

/** One table of the stack. */
export interface TableSpec {
  /** Construct id inside the Data construct (a contract: renaming it replaces the table). */
  readonly constructId: string;
  /** Environment variable that carries the table name to a function. */
  readonly envVar: string;
  readonly partitionKey: string;
  readonly indexes: Readonly<Record<string, TableIndex>>;
  /** TTL attribute (epoch seconds), if items expire. */
  readonly ttlAttribute?: string;
  /**
   * Short-lived data (counters): no deletion protection, destroyed with the stack.
   * @default false
   */
  readonly disposable?: boolean;
  readonly description: string;
}

export const TABLES = {
  users: {
    constructId: 'Users',
    envVar: 'USERS_TABLE_NAME',
    partitionKey: 'userId',
    indexes: {
      email: { name: 'email-index', partitionKey: 'email' },
      // Every record has both since the first release: DynamoDB builds the index from them
      // when it is added to an existing table (docs/operations.md, "The status index").
      status: { name: 'status-index', partitionKey: 'status', sortKey: 'createdAt' },
    },
    description:
      'one record per person, keyed by the Cognito sub; GSIs on email and on status by creation date',
  },
  adminInfo: {
    constructId: 'AdminInfo',
    envVar: 'ADMIN_INFO_TABLE_NAME',
    partitionKey: 'userId',
    indexes: {},
    description: 'one record per admin, same key as Users',
  },
  rateLimits: {
    constructId: 'RateLimits',
    envVar: 'RATE_LIMITS_TABLE_NAME',
    partitionKey: 'key',
    indexes: {},
    ttlAttribute: 'expiresAt',
    // Counters live for minutes; losing them on a stack deletion is harmless.
    disposable: true,
    description: 'per-key throttle counters (TTL)',
  },
  reconciliations: {
    constructId: 'Reconciliations',
    envVar: 'RECONCILIATIONS_TABLE_NAME',
    partitionKey: 'id',
    indexes: {},
    description: 'compensations that failed, kept until an operator repairs them (npm run reconcile)',
  },
  idempotency: {
    constructId: 'Idempotency',
    envVar: 'IDEMPOTENCY_TABLE_NAME',
    partitionKey: 'key',
    indexes: {},
    ttlAttribute: 'expiresAt',
    // Keys are remembered for a day; losing them with the stack only ends replays early.
    disposable: true,
    description: 'each Idempotency-Key with the hash of the request it was first sent with (TTL)',
  },
  usernames: {
    constructId: 'Usernames',
    envVar: 'USERNAMES_TABLE_NAME',
    partitionKey: 'username',
    indexes: {},
    description:
      'one item per chosen username (case-folded) and its owner: the uniqueness Cognito attributes lack',
  },
  passkeys: {
    constructId: 'Passkeys',
    envVar: 'PASSKEYS_TABLE_NAME',
    partitionKey: 'credentialId',
    indexes: {
      user: { name: 'user-index', partitionKey: 'userId', sortKey: 'createdAt' },
    },
    description:
      "one item per passkey the API has seen (Cognito has no admin API for them): its owner, and an admin's removal",
  },
} as const satisfies Record<string, TableSpec>;

/** The DynamoDB tables of the stack, by their key in the catalogue. */
export type TableKey = keyof typeof TABLES;

export const TABLE_KEYS = Object.keys(TABLES) as TableKey[];

/** Names of a table's secondary indexes (a `Query` grant covers them). */
export function indexNamesOf(key: TableKey): string[] {
  return Object.values(TABLES[key].indexes as Record<string, TableIndex>).map((index) => index.name);
}
