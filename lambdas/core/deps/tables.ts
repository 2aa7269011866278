import { DynamoDbAdminStore } from '../adapters/aws/dynamodb-admin-store';
import { DynamoDbIdempotencyStore } from '../adapters/aws/dynamodb-idempotency-store';
import { DynamoDbRateLimiter } from '../adapters/aws/dynamodb-rate-limiter';
import { DynamoDbReconciliationLog } from '../adapters/aws/dynamodb-reconciliation-log';
import { DynamoDbUserStore } from '../adapters/aws/dynamodb-user-store';
import { DynamoDbUsernameRegistry } from '../adapters/aws/dynamodb-username-registry';
import { memoryWorld } from '../adapters/memory/world';
import type { AdminStore } from '../ports/admin-store';
import type { IdempotencyStore } from '../ports/idempotency-store';
import type { RateLimiter } from '../ports/rate-limiter';
import type { ReconciliationLog } from '../ports/reconciliation-log';
import type { UserStore } from '../ports/user-store';
import type { UsernameRegistry } from '../ports/username-registry';
import { TABLES } from '../tables';
import { cached, required } from './support';

/**
 * The composition root, the DynamoDB tables' ports. Every factory spells out
 * `process.env.MOCK_MODE === 'true'` (esbuild's `define` folds it and drops the
 * fakes from deployed bundles; a helper would not be inlined), and every
 * module-level `cached(...)` is marked pure, so an unused factory and its SDK
 * client are tree-shaken. Only `core/deps/` reads MOCK_MODE (a test checks it).
 */

/** Usernames, unique and set once: the `Usernames` table with the `Users` record, in one transaction. */
export const usernameRegistry = (): UsernameRegistry =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().usernames : dynamoUsernames();
const dynamoUsernames = /* @__PURE__ */ cached(
  () =>
    new DynamoDbUsernameRegistry({
      usernamesTableName: required(TABLES.usernames.envVar),
      usersTableName: required(TABLES.users.envVar),
    }),
);

/** The `Users` table. */
export const userStore = (): UserStore =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().users : dynamoUsers();
const dynamoUsers = /* @__PURE__ */ cached(
  () => new DynamoDbUserStore({ tableName: required(TABLES.users.envVar) }),
);

/** The admin's `Users` + `AdminInfo` records, written in one transaction. */
export const adminStore = (): AdminStore =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().admins : dynamoAdmins();
const dynamoAdmins = /* @__PURE__ */ cached(
  () =>
    new DynamoDbAdminStore({
      usersTableName: required(TABLES.users.envVar),
      adminInfoTableName: required(TABLES.adminInfo.envVar),
    }),
);

/** Durable records of compensations that failed. */
export const reconciliationLog = (): ReconciliationLog =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().reconciliations : dynamoReconciliations();
const dynamoReconciliations = /* @__PURE__ */ cached(
  () => new DynamoDbReconciliationLog({ tableName: required(TABLES.reconciliations.envVar) }),
);

/** Per-key throttling (resends, code attempts). */
export const rateLimiter = (): RateLimiter =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().rateLimiter : dynamoRateLimiter();
const dynamoRateLimiter = /* @__PURE__ */ cached(
  () => new DynamoDbRateLimiter({ tableName: required(TABLES.rateLimits.envVar) }),
);

/** Idempotency-Key records (each key bound to the request it was first sent with). */
export const idempotencyStore = (): IdempotencyStore =>
  process.env.MOCK_MODE === 'true' ? memoryWorld().idempotency : dynamoIdempotency();
const dynamoIdempotency = /* @__PURE__ */ cached(
  () => new DynamoDbIdempotencyStore({ tableName: required(TABLES.idempotency.envVar) }),
);
