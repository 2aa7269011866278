import { type DynamoDBClient, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { type Clock, systemClock } from '../../ports/clock';
import type { RateLimiter } from '../../ports/rate-limiter';
import { isConditionFailure, sharedDynamoDbClient } from './dynamodb-client';

export interface DynamoDbRateLimiterOptions {
  tableName: string;
  client?: DynamoDBClient;
  clock?: Clock;
}

/**
 * Fixed-window counters in the `RateLimits` table: one conditional atomic
 * increment per hit; items expire through the table's TTL attribute.
 */
export class DynamoDbRateLimiter implements RateLimiter {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;
  private readonly clock: Clock;

  constructor(options: DynamoDbRateLimiterOptions) {
    this.client = options.client ?? sharedDynamoDbClient();
    this.tableName = options.tableName;
    this.clock = options.clock ?? systemClock;
  }

  async hit(key: string, limit: number, windowSeconds: number): Promise<boolean> {
    const nowSeconds = Math.floor(this.clock().getTime() / 1000);
    const window = Math.floor(nowSeconds / windowSeconds);
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall({ key: `${key}#${window}` }),
          UpdateExpression: 'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :expiresAt)',
          ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
          ExpressionAttributeValues: marshall({
            ':one': 1,
            ':limit': limit,
            ':expiresAt': (window + 1) * windowSeconds + 60,
          }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async count(key: string, windowSeconds: number): Promise<number> {
    const window = Math.floor(this.clock().getTime() / 1000 / windowSeconds);
    const { Item } = await this.client.send(
      new GetItemCommand({
        TableName: this.tableName,
        Key: marshall({ key: `${key}#${window}` }),
        ConsistentRead: true,
      }),
    );
    return Item ? Number(unmarshall(Item).hits ?? 0) : 0;
  }
}
