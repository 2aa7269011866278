import { DynamoDbRateLimiter } from '../../lambdas/core/adapters/aws/dynamodb-rate-limiter';
import { DynamoDbUserStore } from '../../lambdas/core/adapters/aws/dynamodb-user-store';
import { InMemoryRateLimiter } from '../../lambdas/core/adapters/memory/in-memory-rate-limiter';
import { InMemoryUserStore } from '../../lambdas/core/adapters/memory/in-memory-user-store';
import { emulators } from '../integration/emulators';
import { rateLimiterContract, userStoreContract } from './stores.contract';

const memoryUsers = new InMemoryUserStore();
const memoryLimiter = new InMemoryRateLimiter();
userStoreContract('InMemoryUserStore', () => memoryUsers);
rateLimiterContract('InMemoryRateLimiter', () => memoryLimiter);

// The DynamoDB adapters on Amazon DynamoDB Local, tables created from the stack's definitions.
const { tables } = emulators();
const dynamoUsers = new DynamoDbUserStore({ tableName: tables.users });
const dynamoLimiter = new DynamoDbRateLimiter({ tableName: tables.rateLimits });
userStoreContract('DynamoDbUserStore on DynamoDB Local', () => dynamoUsers);
rateLimiterContract('DynamoDbRateLimiter on DynamoDB Local', () => dynamoLimiter);
