import { DynamoDbAdminStore } from '../adapters/aws/dynamodb-admin-store';
import { DynamoDbIdempotencyStore } from '../adapters/aws/dynamodb-idempotency-store';
import { DynamoDbPasskeyIndex } from '../adapters/aws/dynamodb-passkey-index';
import { DynamoDbRateLimiter } from '../adapters/aws/dynamodb-rate-limiter';
import { DynamoDbReconciliationLog } from '../adapters/aws/dynamodb-reconciliation-log';
import { DynamoDbUserStore } from '../adapters/aws/dynamodb-user-store';
import { DynamoDbUsernameRegistry } from '../adapters/aws/dynamodb-username-registry';
import { TABLES } from '../tables';
import { cached, required } from './support';

/**
 * The composition root's tables adapters, built once per container (deps.ts
 * chooses between them and the fakes); each `cached(...)` is marked pure, so an
 * unused one and its SDK client are tree-shaken.
 */

export const dynamoUsernames = /* @__PURE__ */ cached(
  () =>
    new DynamoDbUsernameRegistry({
      usernamesTableName: required(TABLES.usernames.envVar),
      usersTableName: required(TABLES.users.envVar),
    }),
);

export const dynamoUsers = /* @__PURE__ */ cached(
  () => new DynamoDbUserStore({ tableName: required(TABLES.users.envVar) }),
);

export const dynamoAdmins = /* @__PURE__ */ cached(
  () =>
    new DynamoDbAdminStore({
      usersTableName: required(TABLES.users.envVar),
      adminInfoTableName: required(TABLES.adminInfo.envVar),
    }),
);

export const dynamoReconciliations = /* @__PURE__ */ cached(
  () => new DynamoDbReconciliationLog({ tableName: required(TABLES.reconciliations.envVar) }),
);

export const dynamoRateLimiter = /* @__PURE__ */ cached(
  () => new DynamoDbRateLimiter({ tableName: required(TABLES.rateLimits.envVar) }),
);

export const dynamoIdempotency = /* @__PURE__ */ cached(
  () => new DynamoDbIdempotencyStore({ tableName: required(TABLES.idempotency.envVar) }),
);

export const dynamoPasskeys = /* @__PURE__ */ cached(
  () => new DynamoDbPasskeyIndex({ tableName: required(TABLES.passkeys.envVar) }),
);
