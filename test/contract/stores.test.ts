import { DynamoDbAdminStore } from '../../lambdas/core/adapters/aws/dynamodb-admin-store';
import { DynamoDbIdempotencyStore } from '../../lambdas/core/adapters/aws/dynamodb-idempotency-store';
import { DynamoDbPasskeyIndex } from '../../lambdas/core/adapters/aws/dynamodb-passkey-index';
import { DynamoDbRateLimiter } from '../../lambdas/core/adapters/aws/dynamodb-rate-limiter';
import { DynamoDbReconciliationLog } from '../../lambdas/core/adapters/aws/dynamodb-reconciliation-log';
import { DynamoDbUserStore } from '../../lambdas/core/adapters/aws/dynamodb-user-store';
import { DynamoDbUsernameRegistry } from '../../lambdas/core/adapters/aws/dynamodb-username-registry';
import { InMemoryAdminStore } from '../../lambdas/core/adapters/memory/in-memory-admin-store';
import { InMemoryIdempotencyStore } from '../../lambdas/core/adapters/memory/in-memory-idempotency-store';
import { InMemoryPasskeyIndex } from '../../lambdas/core/adapters/memory/in-memory-passkey-index';
import { InMemoryRateLimiter } from '../../lambdas/core/adapters/memory/in-memory-rate-limiter';
import { InMemoryReconciliationLog } from '../../lambdas/core/adapters/memory/in-memory-reconciliation-log';
import { InMemoryUserStore } from '../../lambdas/core/adapters/memory/in-memory-user-store';
import { InMemoryUsernameRegistry } from '../../lambdas/core/adapters/memory/in-memory-username-registry';
import { emulators } from '../integration/emulators';
import { idempotencyStoreContract, passkeyIndexContract, revocationContract } from './idempotency.contract';
import {
  adminStoreContract,
  rateLimiterContract,
  reconciliationLogContract,
  usernameRegistryContract,
  userStoreContract,
} from './stores.contract';

const memoryUsers = new InMemoryUserStore();
const memoryLimiter = new InMemoryRateLimiter();
const memoryAdmins = new InMemoryAdminStore(memoryUsers);
const memoryReconciliations = new InMemoryReconciliationLog();
userStoreContract('InMemoryUserStore', () => memoryUsers);
rateLimiterContract('InMemoryRateLimiter', () => memoryLimiter);
adminStoreContract(
  'InMemoryAdminStore',
  () => memoryAdmins,
  () => memoryUsers,
);
reconciliationLogContract('InMemoryReconciliationLog', () => memoryReconciliations);
const memoryIdempotency = new InMemoryIdempotencyStore(() => new Date());
idempotencyStoreContract('InMemoryIdempotencyStore', () => memoryIdempotency);
revocationContract('InMemoryUserStore', () => memoryUsers);
const memoryPasskeys = new InMemoryPasskeyIndex();
passkeyIndexContract('InMemoryPasskeyIndex', () => memoryPasskeys);
const memoryUsernames = new InMemoryUsernameRegistry(memoryUsers);
usernameRegistryContract(
  'InMemoryUsernameRegistry',
  () => memoryUsernames,
  () => memoryUsers,
);

// The DynamoDB adapters on Amazon DynamoDB Local, tables created from the stack's definitions.
const { tables } = emulators();
const dynamoUsers = new DynamoDbUserStore({ tableName: tables.users });
const dynamoLimiter = new DynamoDbRateLimiter({ tableName: tables.rateLimits });
const dynamoAdmins = new DynamoDbAdminStore({
  usersTableName: tables.users,
  adminInfoTableName: tables.adminInfo,
});
const dynamoReconciliations = new DynamoDbReconciliationLog({ tableName: tables.reconciliations });
userStoreContract('DynamoDbUserStore on DynamoDB Local', () => dynamoUsers);
rateLimiterContract('DynamoDbRateLimiter on DynamoDB Local', () => dynamoLimiter);
adminStoreContract(
  'DynamoDbAdminStore on DynamoDB Local',
  () => dynamoAdmins,
  () => dynamoUsers,
);
reconciliationLogContract('DynamoDbReconciliationLog on DynamoDB Local', () => dynamoReconciliations);
const dynamoIdempotency = new DynamoDbIdempotencyStore({ tableName: tables.idempotency });
idempotencyStoreContract('DynamoDbIdempotencyStore on DynamoDB Local', () => dynamoIdempotency);
revocationContract('DynamoDbUserStore on DynamoDB Local', () => dynamoUsers);
const dynamoPasskeys = new DynamoDbPasskeyIndex({ tableName: tables.passkeys });
passkeyIndexContract('DynamoDbPasskeyIndex on DynamoDB Local', () => dynamoPasskeys);
const dynamoUsernames = new DynamoDbUsernameRegistry({
  usernamesTableName: tables.usernames,
  usersTableName: tables.users,
});
usernameRegistryContract(
  'DynamoDbUsernameRegistry',
  () => dynamoUsernames,
  () => dynamoUsers,
);
