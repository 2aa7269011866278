import {
  type AttributeValue,
  type DynamoDBClient,
  QueryCommand,
  type QueryCommandOutput,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { NotReadyError } from '../../domain/errors';
import { USER_STATUSES, type UserStatus } from '../../domain/onboarding';
import type { UserRecord } from '../../domain/user';
import type { UserPage } from '../../ports/user-store';
import { TABLES } from '../../tables';

/** The status GSI of `Users`: partition `status`, sort `createdAt` (the table catalogue). */
export const USERS_STATUS_INDEX = TABLES.users.indexes.status.name;

/** Where each status's list stands: the key of the last record served, or `end`. */
type Position = Partial<Record<UserStatus, Record<string, string> | 'end'>>;

interface Run {
  status: UserStatus;
  items: UserRecord[];
  more?: Record<string, AttributeValue>;
}

/**
 * One page of `Users`, newest first, read through the status index only: a
 * status is one Query; all statuses are one Query per status (8), merged by
 * `createdAt`. Each read is bounded by the page size, so a page costs the same
 * at a thousand users and at a million. `after` and `last` are opaque.
 */
export async function newestFirst(
  client: DynamoDBClient,
  tableName: string,
  page: { limit: number; after?: string; status?: UserStatus },
): Promise<UserPage> {
  const position: Position = page.after ? (JSON.parse(page.after) as Position) : {};
  const statuses = page.status ? [page.status] : [...USER_STATUSES];
  const runs = await Promise.all(
    statuses
      .filter((status) => position[status] !== 'end')
      .map((status) =>
        queryStatus(
          client,
          tableName,
          status,
          page.limit,
          position[status] as Record<string, string> | undefined,
        ),
      ),
  );
  const records: UserRecord[] = [];
  const served = new Map<UserStatus, number>(runs.map((r) => [r.status, 0]));
  // A k-way merge keeps each status's own order, so what is served of a status is a prefix of it.
  while (records.length < page.limit) {
    let best: Run | undefined;
    for (const run of runs) {
      const head = run.items[served.get(run.status) ?? 0];
      const bestHead = best?.items[served.get(best.status) ?? 0];
      if (head && (!bestHead || head.createdAt > bestHead.createdAt)) best = run;
    }
    if (!best) break;
    const index = served.get(best.status) ?? 0;
    records.push(best.items[index] as UserRecord);
    served.set(best.status, index + 1);
  }
  const next: Position = { ...position };
  for (const run of runs) {
    const count = served.get(run.status) ?? 0;
    if (count === run.items.length && !run.more) next[run.status] = 'end';
    else if (count > 0) next[run.status] = keyOf(run.items[count - 1] as UserRecord);
  }
  const open = statuses.some((status) => next[status] !== 'end');
  return { records, ...(open ? { last: JSON.stringify(next) } : {}) };
}

async function queryStatus(
  client: DynamoDBClient,
  tableName: string,
  status: UserStatus,
  limit: number,
  from: Record<string, string> | undefined,
): Promise<Run> {
  const query = new QueryCommand({
    TableName: tableName,
    IndexName: USERS_STATUS_INDEX,
    KeyConditionExpression: '#status = :status',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: marshall({ ':status': status }),
    ScanIndexForward: false,
    Limit: limit,
    ...(from ? { ExclusiveStartKey: marshall(from) } : {}),
  });
  let answer: QueryCommandOutput;
  try {
    answer = await client.send(query);
  } catch (error) {
    // Right after an upgrade DynamoDB fills the new index from the existing records.
    if (error instanceof Error && /backfilling global secondary index/i.test(error.message))
      throw new NotReadyError('The user lists are being built; try again in a few minutes.');
    throw error;
  }
  const { Items, LastEvaluatedKey } = answer;
  return {
    status,
    items: (Items ?? []).map((item) => unmarshall(item) as UserRecord),
    ...(LastEvaluatedKey ? { more: LastEvaluatedKey } : {}),
  };
}

/** The index key of a record: where its status's next Query starts. */
function keyOf(record: UserRecord): Record<string, string> {
  return { userId: record.userId, status: record.status, createdAt: record.createdAt };
}
