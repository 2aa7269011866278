import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { sdkClientConfig } from './sdk-config';

let shared: DynamoDBClient | undefined;

/**
 * One DynamoDB client per container, shared by the DynamoDB adapters: a
 * function using several tables (admin provisioning uses three) builds one
 * client, resolves credentials once and reuses one connection pool.
 */
export function sharedDynamoDbClient(): DynamoDBClient {
  shared ??= new DynamoDBClient(sdkClientConfig());
  return shared;
}

/** A conditional write refused by its condition (the expected, non-exceptional outcome). */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
