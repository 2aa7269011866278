import {
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { RecordExistsError } from '../../domain/errors';
import type { UserRecord } from '../../domain/user';
import type { AdminInfoRecord, AdminStore } from '../../ports/admin-store';
import { sharedDynamoDbClient } from './dynamodb-client';

export interface DynamoDbAdminStoreOptions {
  usersTableName: string;
  adminInfoTableName: string;
  client?: DynamoDBClient;
}

/** `Users` + `AdminInfo` on DynamoDB, written in one TransactWriteItems. */
export class DynamoDbAdminStore implements AdminStore {
  private readonly client: DynamoDBClient;

  constructor(private readonly options: DynamoDbAdminStoreOptions) {
    this.client = options.client ?? sharedDynamoDbClient();
  }

  async createAdminRecords(user: UserRecord, adminInfo: AdminInfoRecord): Promise<void> {
    try {
      await this.client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.options.usersTableName,
                Item: marshall(user, { removeUndefinedValues: true }),
                ConditionExpression: 'attribute_not_exists(userId)',
              },
            },
            {
              Put: {
                TableName: this.options.adminInfoTableName,
                Item: marshall(adminInfo, { removeUndefinedValues: true }),
                ConditionExpression: 'attribute_not_exists(userId)',
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (isConditionalCancellation(error))
        throw new RecordExistsError(`Records for ${user.userId} exist already.`);
      throw error;
    }
  }

  async getAdminInfo(userId: string): Promise<AdminInfoRecord | undefined> {
    const { Item } = await this.client.send(
      new GetItemCommand({
        TableName: this.options.adminInfoTableName,
        Key: marshall({ userId }),
        ConsistentRead: true,
      }),
    );
    return Item ? (unmarshall(Item) as AdminInfoRecord) : undefined;
  }

  async deleteAdminInfo(userId: string): Promise<void> {
    await this.client.send(
      new DeleteItemCommand({ TableName: this.options.adminInfoTableName, Key: marshall({ userId }) }),
    );
  }
}

/** A cancelled transaction whose reasons include a failed condition (not a throttle or a conflict). */
function isConditionalCancellation(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return false;
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
  return reasons.some((r) => r.Code === 'ConditionalCheckFailed');
}
