import {
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { NotFoundError } from '../../domain/errors';
import type { IndexedPasskey, PasskeyIndex } from '../../ports/passkey-index';
import { TABLES } from '../../tables';
import { isConditionFailure, sharedDynamoDbClient } from './dynamodb-client';

/** Cognito keeps at most a few dozen passkeys per user: one page of the owner index holds them. */
const PAGE = 100;

/** The `Passkeys` table: one item per credential id, an index by owner and creation time. */
export class DynamoDbPasskeyIndex implements PasskeyIndex {
  private readonly client: DynamoDBClient;

  constructor(private readonly options: { tableName: string; client?: DynamoDBClient }) {
    this.client = options.client ?? sharedDynamoDbClient();
  }

  async find(credentialId: string): Promise<IndexedPasskey | undefined> {
    const { Item } = await this.client.send(
      new GetItemCommand({
        TableName: this.options.tableName,
        Key: marshall({ credentialId }),
        ConsistentRead: true,
      }),
    );
    return Item ? (unmarshall(Item) as IndexedPasskey) : undefined;
  }

  async add(passkey: Pick<IndexedPasskey, 'credentialId' | 'userId' | 'createdAt'>): Promise<boolean> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.options.tableName,
          Item: marshall(passkey),
          // New, or already this owner's (kept as it is: an admin's removal stays).
          ConditionExpression: 'attribute_not_exists(credentialId)',
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return (await this.find(passkey.credentialId))?.userId === passkey.userId;
    }
  }

  async listOf(userId: string): Promise<IndexedPasskey[]> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.options.tableName,
        IndexName: TABLES.passkeys.indexes.user.name,
        KeyConditionExpression: 'userId = :userId',
        ExpressionAttributeValues: marshall({ ':userId': userId }),
        Limit: PAGE,
      }),
    );
    return (Items ?? []).map((item) => unmarshall(item) as IndexedPasskey);
  }

  async markRemoved(userId: string, credentialId: string, by: string, at: Date): Promise<void> {
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.options.tableName,
          Key: marshall({ credentialId }),
          UpdateExpression:
            'SET removedAt = if_not_exists(removedAt, :at), removedBy = if_not_exists(removedBy, :by)',
          ConditionExpression: 'userId = :userId',
          ExpressionAttributeValues: marshall({ ':at': at.toISOString(), ':by': by, ':userId': userId }),
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new NotFoundError('No such passkey.');
      throw error;
    }
  }

  async forget(credentialId: string): Promise<void> {
    await this.client.send(
      new DeleteItemCommand({ TableName: this.options.tableName, Key: marshall({ credentialId }) }),
    );
  }
}
