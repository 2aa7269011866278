import {
  DeleteItemCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { normalizeEmail } from '../../domain/email';
import { InvalidTransitionError, NotFoundError, RecordExistsError } from '../../domain/errors';
import type { UserStatus } from '../../domain/onboarding';
import { revocationInstant, type UserRecord } from '../../domain/user';
import { type Clock, systemClock } from '../../ports/clock';
import type { ProfilePatch, UserPage, UserStore } from '../../ports/user-store';
import { TABLES } from '../../tables';
import { isConditionFailure, sharedDynamoDbClient } from './dynamodb-client';
import { newestFirst } from './dynamodb-user-listing';

/** Name of the email GSI of the `Users` table (from the table catalogue). */
export const USERS_EMAIL_INDEX = TABLES.users.indexes.email.name;

/** How long the table's item count is reused (DynamoDB itself refreshes it about every six hours). */
export const COUNT_REUSE_MS = 10 * 60_000;

export interface DynamoDbUserStoreOptions {
  tableName: string;
  client?: DynamoDBClient;
  clock?: Clock;
}

// Plain DynamoDBClient + util-dynamodb rather than lib-dynamodb's DocumentClient:
// lib-dynamodb is not marked side-effect free, so esbuild would put it (and the
// whole DynamoDB client) into every bundle that imports the composition root.

/** The `Users` table on DynamoDB. */
export class DynamoDbUserStore implements UserStore {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;
  private readonly clock: Clock;
  private countRead: { count: number; at: number } | undefined;

  constructor(options: DynamoDbUserStoreOptions) {
    this.client = options.client ?? sharedDynamoDbClient();
    this.tableName = options.tableName;
    this.clock = options.clock ?? systemClock;
  }

  async get(userId: string): Promise<UserRecord | undefined> {
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: marshall({ userId }), ConsistentRead: true }),
    );
    return Item ? (unmarshall(Item) as UserRecord) : undefined;
  }

  async findByEmail(email: string): Promise<UserRecord | undefined> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: USERS_EMAIL_INDEX,
        KeyConditionExpression: 'email = :email',
        ExpressionAttributeValues: marshall({ ':email': normalizeEmail(email) }),
        Limit: 1,
      }),
    );
    const item = Items?.[0];
    return item ? (unmarshall(item) as UserRecord) : undefined;
  }

  async create(record: UserRecord): Promise<void> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: marshall(record, { removeUndefinedValues: true }),
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
    patch: Partial<Pick<UserRecord, 'emailVerified' | 'previousStatus' | 'mfa'>> = {},
  ): Promise<UserRecord> {
    const sets: string[] = ['#status = :to', 'updatedAt = :now'];
    const values: Record<string, unknown> = { ':to': to, ':from': from, ':now': this.clock().toISOString() };
    for (const [key, value] of Object.entries(patch)) {
      sets.push(`${key} = :${key}`);
      values[`:${key}`] = value;
    }
    try {
      const { Attributes } = await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall({ userId }),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(userId) AND #status = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: marshall(values, { removeUndefinedValues: true }),
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return unmarshall(Attributes ?? {}) as UserRecord;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const current = (error as { Item?: { status?: { S?: string } } }).Item;
      if (!current) throw new NotFoundError(`No user ${userId}.`);
      throw new InvalidTransitionError(`User ${userId} is ${current.status?.S ?? 'unknown'}, not ${from}.`);
    }
  }

  async recordPasswordReset(userId: string, at: Date): Promise<void> {
    await this.updateExisting(userId, { passwordResetAt: at.toISOString() });
  }

  async setMfa(userId: string, mfa: UserRecord['mfa']): Promise<UserRecord> {
    return this.updateExisting(userId, { mfa });
  }

  async revokeTokens(userId: string, at: Date, options: { holdFactors?: boolean } = {}): Promise<void> {
    const instant = revocationInstant(at);
    await this.updateExisting(userId, {
      tokensValidAfter: instant,
      ...(options.holdFactors ? { factorHold: { heldAt: instant } } : {}),
    });
  }

  async releaseFactorHold(userId: string, heldAt: string, at: Date): Promise<void> {
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall({ userId }),
          UpdateExpression: 'SET factorHold.releasedAt = :at, updatedAt = :now',
          ConditionExpression: 'factorHold.heldAt = :heldAt',
          ExpressionAttributeValues: marshall({
            ':at': at.toISOString(),
            ':heldAt': heldAt,
            ':now': this.clock().toISOString(),
          }),
        }),
      );
    } catch (error) {
      // A newer hold (or no record): it stands.
      if (!isConditionFailure(error)) throw error;
    }
  }

  async update(userId: string, patch: ProfilePatch): Promise<UserRecord> {
    return this.updateExisting(userId, patch);
  }

  async list(page: { limit: number; after?: string; status?: UserStatus }): Promise<UserPage> {
    return newestFirst(this.client, this.tableName, page);
  }

  /**
   * DynamoDB refreshes `ItemCount` about every six hours, so it is asked at most
   * every ten minutes per container (`COUNT_REUSE_MS`).
   */
  async estimatedCount(): Promise<number> {
    const now = this.clock().getTime();
    if (this.countRead && now - this.countRead.at < COUNT_REUSE_MS) return this.countRead.count;
    const { Table } = await this.client.send(new DescribeTableCommand({ TableName: this.tableName }));
    this.countRead = { count: Table?.ItemCount ?? 0, at: now };
    return this.countRead.count;
  }

  async delete(userId: string): Promise<void> {
    await this.client.send(new DeleteItemCommand({ TableName: this.tableName, Key: marshall({ userId }) }));
  }

  /** SET the given fields (and `updatedAt`) on an existing record; NotFoundError when there is none. */
  private async updateExisting(userId: string, fields: Record<string, unknown>): Promise<UserRecord> {
    const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
    const sets = [...entries.map(([key]) => `#${key} = :${key}`), 'updatedAt = :now'];
    try {
      const { Attributes } = await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall({ userId }),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(userId)',
          ...(entries.length > 0
            ? { ExpressionAttributeNames: Object.fromEntries(entries.map(([key]) => [`#${key}`, key])) }
            : {}),
          ExpressionAttributeValues: marshall(
            {
              ...Object.fromEntries(entries.map(([key, value]) => [`:${key}`, value])),
              ':now': this.clock().toISOString(),
            },
            { removeUndefinedValues: true },
          ),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return unmarshall(Attributes ?? {}) as UserRecord;
    } catch (error) {
      if (isConditionFailure(error)) throw new NotFoundError(`No user ${userId}.`);
      throw error;
    }
  }
}
