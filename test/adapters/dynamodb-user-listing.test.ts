import { DescribeTableCommand, DynamoDBClient, QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { USERS_STATUS_INDEX } from '../../lambdas/core/adapters/aws/dynamodb-user-listing';
import { COUNT_REUSE_MS, DynamoDbUserStore } from '../../lambdas/core/adapters/aws/dynamodb-user-store';
import { NotReadyError } from '../../lambdas/core/domain/errors';
import { USER_STATUSES, type UserStatus } from '../../lambdas/core/domain/onboarding';
import { newUserRecord } from '../../lambdas/core/domain/user';

const ddb = mockClient(DynamoDBClient);
const store = new DynamoDbUserStore({
  tableName: 'Users',
  client: new DynamoDBClient({ region: 'eu-west-1' }),
});

const user = (id: string, status: UserStatus, minute: number) =>
  newUserRecord({
    userId: id,
    email: `${id}@example.com`,
    status,
    now: new Date(Date.UTC(2026, 11, 1, 0, minute)),
  });

/** Answers each status's Query with its records (newest first) and, when given, a LastEvaluatedKey. */
function indexHolds(
  byStatus: Partial<Record<UserStatus, ReturnType<typeof user>[]>>,
  more: UserStatus[] = [],
) {
  ddb.on(QueryCommand).callsFake((input) => {
    const status = input.ExpressionAttributeValues[':status'].S as UserStatus;
    const items = (byStatus[status] ?? []).slice(0, input.Limit);
    return {
      Items: items.map((r) => marshall(r, { removeUndefinedValues: true })),
      ...(more.includes(status)
        ? { LastEvaluatedKey: marshall({ userId: 'x', status, createdAt: 'y' }) }
        : {}),
    };
  });
}

describe('DynamoDbUserStore listing (the status index)', () => {
  beforeEach(() => ddb.reset());

  it('reads one status with one Query on the status index, newest first, bounded by the page', async () => {
    indexHolds({ pending_approval: [user('b', 'pending_approval', 2), user('a', 'pending_approval', 1)] });

    const page = await store.list({ limit: 2, status: 'pending_approval' });

    expect(page.records.map((r) => r.userId)).toEqual(['b', 'a']);
    expect(ddb.commandCalls(QueryCommand).map((c) => c.args[0].input)).toEqual([
      expect.objectContaining({
        TableName: 'Users',
        IndexName: USERS_STATUS_INDEX,
        KeyConditionExpression: '#status = :status',
        ScanIndexForward: false,
        Limit: 2,
      }),
    ]);
    expect(page.last).toBeUndefined();
    expect(ddb.commandCalls(ScanCommand)).toHaveLength(0);
  });

  it('merges one Query per status by creation date, and resumes each status where it stopped', async () => {
    indexHolds(
      {
        active: [user('a3', 'active', 30), user('a1', 'active', 10)],
        pending_approval: [user('p2', 'pending_approval', 20)],
        rejected: [user('r0', 'rejected', 5)],
      },
      ['active'],
    );

    const first = await store.list({ limit: 2 });

    expect(first.records.map((r) => r.userId)).toEqual(['a3', 'p2']);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(USER_STATUSES.length);
    const position = JSON.parse(first.last as string);
    expect(position.active).toEqual({
      userId: 'a3',
      status: 'active',
      createdAt: user('a3', 'active', 30).createdAt,
    });
    expect(position.pending_approval).toBe('end'); // all of it served, nothing more
    expect(position.suspended).toBe('end'); // empty

    ddb.reset();
    indexHolds({ active: [user('a1', 'active', 10)], rejected: [user('r0', 'rejected', 5)] });
    const second = await store.list({ limit: 2, after: first.last as string });
    expect(second.records.map((r) => r.userId)).toEqual(['a1', 'r0']);
    const queried = ddb.commandCalls(QueryCommand).map((c) => c.args[0].input);
    expect(queried.map((q) => q.ExpressionAttributeValues?.[':status']?.S).sort()).toEqual(
      ['active', 'rejected'].sort(),
    );
    expect(
      queried.find((q) => q.ExpressionAttributeValues?.[':status']?.S === 'active')?.ExclusiveStartKey,
    ).toEqual(marshall(position.active));
    expect(second.last).toBeUndefined();
  });

  it("estimates the count from DynamoDB's own item count (DescribeTable), reading no record, reused 10 minutes", async () => {
    let now = Date.UTC(2026, 11, 1);
    const counting = new DynamoDbUserStore({
      tableName: 'Users',
      client: new DynamoDBClient({ region: 'eu-west-1' }),
      clock: () => new Date(now),
    });
    ddb
      .on(DescribeTableCommand)
      .resolvesOnce({ Table: { ItemCount: 1234 } })
      .resolves({ Table: { ItemCount: 1300 } });

    await expect(counting.estimatedCount()).resolves.toBe(1234);
    now += COUNT_REUSE_MS - 1;
    await expect(counting.estimatedCount()).resolves.toBe(1234);
    now += 1;
    await expect(counting.estimatedCount()).resolves.toBe(1300);
    expect(ddb.commandCalls(DescribeTableCommand)).toHaveLength(2);
    expect(ddb.commandCalls(ScanCommand)).toHaveLength(0);
  });

  it('answers 503 NOT_READY while DynamoDB still fills the index after an upgrade', async () => {
    ddb.on(QueryCommand).rejects(
      Object.assign(new Error('Cannot read from backfilling global secondary index: status-index'), {
        name: 'ValidationException',
        $metadata: {},
      }),
    );

    await expect(store.list({ limit: 20 })).rejects.toBeInstanceOf(NotReadyError);
  });
});
