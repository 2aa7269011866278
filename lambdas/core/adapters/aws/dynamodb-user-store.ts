import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { normalizeEmail } from '../../domain/email';
import { InvalidTransitionError, NotFoundError, RecordExistsError } from '../../domain/errors';
import type { UserStatus } from '../../domain/onboarding';
import type { UserRecord } from '../../domain/user';
import { type Clock, systemClock } from '../../ports/clock';
import type { UserStore } from '../../ports/user-store';

/** Name of the email GSI of the `Users` table; the stack creates it with this name. */
export const USERS_EMAIL_INDEX = 'email-index';

export interface DynamoDbUserStoreOptions {
  tableName: string;
  client?: DynamoDBDocumentClient;
  clock?: Clock;
}

/** The `Users` table on DynamoDB. */
export class DynamoDbUserStore implements UserStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly clock: Clock;

  constructor(options: DynamoDbUserStoreOptions) {
    this.client = options.client ?? documentClient();
    this.tableName = options.tableName;
    this.clock = options.clock ?? systemClock;
  }

  async get(userId: string): Promise<UserRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { userId }, ConsistentRead: true }),
    );
    return Item as UserRecord | undefined;
  }

  async findByEmail(email: string): Promise<UserRecord | undefined> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: USERS_EMAIL_INDEX,
        KeyConditionExpression: 'email = :email',
        ExpressionAttributeValues: { ':email': normalizeEmail(email) },
        Limit: 1,
      }),
    );
    return Items?.[0] as UserRecord | undefined;
  }

  async create(record: UserRecord): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: record,
          ConditionExpression: 'attribute_not_exists(userId)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new RecordExistsError(`User ${record.userId} exists already.`);
      throw error;
    }
  }

  async transition(
    userId: string,
    from: UserStatus,
    to: UserStatus,
    patch: Partial<Pick<UserRecord, 'emailVerified' | 'previousStatus'>> = {},
  ): Promise<UserRecord> {
    const sets: string[] = ['#status = :to', 'updatedAt = :now'];
    const values: Record<string, unknown> = { ':to': to, ':from': from, ':now': this.clock().toISOString() };
    for (const [key, value] of Object.entries(patch)) {
      sets.push(`${key} = :${key}`);
      values[`:${key}`] = value;
    }
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { userId },
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(userId) AND #status = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return Attributes as UserRecord;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const current = (error as { Item?: { status?: { S?: string } } }).Item;
      if (!current) throw new NotFoundError(`No user ${userId}.`);
      throw new InvalidTransitionError(`User ${userId} is ${current.status?.S ?? 'unknown'}, not ${from}.`);
    }
  }
}

/** A DocumentClient that drops undefined fields, shared by the DynamoDB adapters of one bundle. */
export function documentClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
