import {
  type DynamoDBClient,
  PutItemCommand,
  ScanCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Reconciliation, ReconciliationLog } from '../../ports/reconciliation-log';
import { sharedDynamoDbClient } from './dynamodb-client';

/** The `Reconciliations` table: a handful of rows at most, so pending ones are found by a filtered scan. */
export class DynamoDbReconciliationLog implements ReconciliationLog {
  private readonly client: DynamoDBClient;

  constructor(private readonly options: { tableName: string; client?: DynamoDBClient }) {
    this.client = options.client ?? sharedDynamoDbClient();
  }

  async record(entry: Reconciliation): Promise<void> {
    await this.client.send(
      new PutItemCommand({
        TableName: this.options.tableName,
        Item: marshall(entry, { removeUndefinedValues: true }),
      }),
    );
  }

  async pending(): Promise<Reconciliation[]> {
    const out: Reconciliation[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new ScanCommand({
          TableName: this.options.tableName,
          FilterExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: marshall({ ':pending': 'pending' }),
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start as never } : {}),
        }),
      );
      out.push(...(page.Items ?? []).map((item) => unmarshall(item) as Reconciliation));
      start = page.LastEvaluatedKey;
    } while (start);
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async resolve(id: string, at: Date): Promise<void> {
    await this.client
      .send(
        new UpdateItemCommand({
          TableName: this.options.tableName,
          Key: marshall({ id }),
          UpdateExpression: 'SET #status = :resolved, resolvedAt = :at',
          ConditionExpression: 'attribute_exists(id)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: marshall({ ':resolved': 'resolved', ':at': at.toISOString() }),
        }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
      });
  }
}
