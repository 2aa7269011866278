import { DeleteItemCommand, type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { type Clock, systemClock } from '../../ports/clock';
import type { IdempotencyClaim, IdempotencyStore } from '../../ports/idempotency-store';
import { isConditionFailure, sharedDynamoDbClient } from './dynamodb-client';

/**
 * The `Idempotency` table: one conditional PutItem per claim (the first claim,
 * or one after the previous record expired, wins); a refused claim reads the
 * stored request hash from the condition failure itself.
 */
export class DynamoDbIdempotencyStore implements IdempotencyStore {
  private readonly client: DynamoDBClient;
  private readonly clock: Clock;

  constructor(private readonly options: { tableName: string; client?: DynamoDBClient; clock?: Clock }) {
    this.client = options.client ?? sharedDynamoDbClient();
    this.clock = options.clock ?? systemClock;
  }

  async claim(key: string, requestHash: string, ttlSeconds: number): Promise<IdempotencyClaim> {
    const now = Math.floor(this.clock().getTime() / 1000);
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.options.tableName,
          Item: marshall({ key, requestHash, expiresAt: now + ttlSeconds }),
          // TTL deletes lazily: an expired record still in the table counts as absent.
          ConditionExpression: 'attribute_not_exists(#key) OR expiresAt < :now',
          ExpressionAttributeNames: { '#key': 'key' },
          ExpressionAttributeValues: marshall({ ':now': now }),
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return 'first';
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const stored = (error as { Item?: { requestHash?: { S?: string } } }).Item?.requestHash?.S;
      return stored === requestHash ? 'same' : 'different';
    }
  }

  async release(key: string): Promise<void> {
    await this.client.send(
      new DeleteItemCommand({ TableName: this.options.tableName, Key: marshall({ key }) }),
    );
  }
}
