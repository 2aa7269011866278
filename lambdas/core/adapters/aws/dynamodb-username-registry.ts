import { DeleteItemCommand, type DynamoDBClient, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { NotFoundError, UsernameAlreadySetError, UsernameTakenError } from '../../domain/errors';
import { type Clock, systemClock } from '../../ports/clock';
import { foldUsername, type UsernameRegistry } from '../../ports/username-registry';
import { isConditionFailure, sharedDynamoDbClient } from './dynamodb-client';

/**
 * The `Usernames` table: TransactWriteItems puts the reservation (if absent)
 * and sets the `Users` record's `username` (if unset); the cancellation
 * reasons say which condition failed.
 */
export class DynamoDbUsernameRegistry implements UsernameRegistry {
  private readonly client: DynamoDBClient;
  private readonly clock: Clock;

  constructor(
    private readonly options: {
      usernamesTableName: string;
      usersTableName: string;
      client?: DynamoDBClient;
      clock?: Clock;
    },
  ) {
    this.client = options.client ?? sharedDynamoDbClient();
    this.clock = options.clock ?? systemClock;
  }

  async claim(userId: string, username: string): Promise<void> {
    try {
      await this.client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.options.usernamesTableName,
                Item: marshall({
                  username: foldUsername(username),
                  userId,
                  createdAt: this.clock().toISOString(),
                }),
                ConditionExpression: 'attribute_not_exists(username)',
              },
            },
            {
              Update: {
                TableName: this.options.usersTableName,
                Key: marshall({ userId }),
                UpdateExpression: 'SET username = :username, updatedAt = :now',
                ConditionExpression: 'attribute_exists(userId) AND attribute_not_exists(username)',
                ExpressionAttributeValues: marshall({
                  ':username': username,
                  ':now': this.clock().toISOString(),
                }),
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') throw error;
      const reasons =
        (error as { CancellationReasons?: Array<{ Code?: string; Item?: unknown }> }).CancellationReasons ??
        [];
      if (reasons[1]?.Code === 'ConditionalCheckFailed')
        throw reasons[1].Item ? new UsernameAlreadySetError() : new NotFoundError(`No user ${userId}.`);
      if (reasons[0]?.Code === 'ConditionalCheckFailed') throw new UsernameTakenError();
      throw error;
    }
  }

  async release(userId: string, username: string): Promise<void> {
    try {
      await this.client.send(
        new DeleteItemCommand({
          TableName: this.options.usernamesTableName,
          Key: marshall({ username: foldUsername(username) }),
          ConditionExpression: 'userId = :userId',
          ExpressionAttributeValues: marshall({ ':userId': userId }),
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error; // not (or no longer) theirs: nothing to free
    }
  }
}
