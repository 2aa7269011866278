import {
  BatchWriteItemCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { UserStatus } from '../lambdas/core/domain/onboarding';
import { newUserRecord } from '../lambdas/core/domain/user';
import { emulatorEnvironment, startEmulators } from '../local/emulators';
import { CREDENTIALS } from '../local/emulators/types';
import { writeBenchSection } from './bench-doc';

/**
 * How the admin reads grow with the user base, measured on DynamoDB Local:
 * `Users` seeded with SIZES[0] records, measured, then grown to SIZES[1] and
 * measured again. For the first and a later page of `GET /admin/users` (all
 * users and the approval queue) and for the status page (`GET /admin/cognito`,
 * the whole use case: its Cognito calls go to cognito-local), the median
 * latency over RUNS calls and the DynamoDB read capacity one call consumes
 * (ReturnConsumedCapacity). Before them, the full-table count the status page
 * used to run. Writes docs/benchmarks.md (section "Scale").
 *
 *   npm run bench:scale [-- --sizes 1000,100000 --runs 15]
 */
const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SIZES = (option('sizes') ?? '1000,100000').split(',').map(Number) as [number, number];
const RUNS = Number(option('runs') ?? 15);
const LATER_PAGE = 5;
const WARM_UP = 10;

/** Ladder statuses of the seeded users: most active, a tenth waiting for approval. */
const MIX: Array<[UserStatus, number]> = [
  ['active', 0.6],
  ['pending_approval', 0.1],
  ['pending_verification', 0.1],
  ['pending_mfa', 0.06],
  ['pending_subscription', 0.06],
  ['suspended', 0.03],
  ['disabled', 0.03],
  ['rejected', 0.02],
];

function statusOf(n: number): UserStatus {
  let x = (n * 0.618_033_988_75) % 1; // evenly spread, reproducible
  for (const [status, share] of MIX) {
    if (x < share) return status;
    x -= share;
  }
  return 'active';
}

async function seed(client: DynamoDBClient, table: string, from: number, to: number): Promise<number> {
  const started = Date.now();
  const batches: number[][] = [];
  for (let n = from; n < to; n += 25) batches.push([...Array(Math.min(25, to - n)).keys()].map((i) => n + i));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++] as number[];
      let items: Record<string, unknown>[] | undefined = batch.map((n) => ({
        PutRequest: {
          Item: marshall(
            newUserRecord({
              userId: `seed-${n.toString().padStart(7, '0')}`,
              email: `seed-${n}@example.com`,
              status: statusOf(n),
              now: new Date(Date.UTC(2020, 0, 1) + n * 60_000),
            }),
            { removeUndefinedValues: true },
          ),
        },
      }));
      while (items && items.length > 0) {
        const answer = await client.send(
          new BatchWriteItemCommand({ RequestItems: { [table]: items as never } }),
        );
        items = answer.UnprocessedItems?.[table] as Record<string, unknown>[] | undefined;
      }
    }
  };
  await Promise.all([...Array(8)].map(worker));
  return (Date.now() - started) / 1000;
}

/** Adds ReturnConsumedCapacity to every read and sums what DynamoDB reports. */
function meter(client: DynamoDBClient): { reset(): void; units(): number } {
  let units = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      if (['QueryCommand', 'ScanCommand', 'GetItemCommand'].includes(context.commandName ?? ''))
        input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } }).ConsumedCapacity;
      units += consumed?.CapacityUnits ?? 0;
      return result;
    },
    { step: 'initialize', name: 'benchScaleMeter' },
  );
  return { reset: () => (units = 0), units: () => units };
}

async function measure(run: () => Promise<unknown>, capacity: ReturnType<typeof meter>) {
  for (let i = 0; i < WARM_UP; i++) await run(); // DynamoDB Local is a JVM: its first calls are slow
  const samples: number[] = [];
  let units = 0;
  for (let i = 0; i < RUNS; i++) {
    capacity.reset();
    const t = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
    units = capacity.units();
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)] as number, units };
}

async function main(): Promise<void> {
  const emulators = await startEmulators();
  try {
    Object.assign(process.env, emulatorEnvironment(emulators), { LOG_LEVEL: 'silent' });
    const deps = await import('../lambdas/core/deps');
    const { sharedDynamoDbClient } = await import('../lambdas/core/adapters/aws/dynamodb-client');
    const { poolStatus } = await import('../lambdas/core/workflows/admin-pool/pool-status');
    const client = sharedDynamoDbClient();
    const capacity = meter(client);
    // Seeding and the old full-table count: a client without the functions' 1 s request timeout.
    const bulk = new DynamoDBClient({
      region: emulators.region,
      endpoint: emulators.dynamodbEndpoint,
      credentials: CREDENTIALS,
      maxAttempts: 10,
      requestHandler: { requestTimeout: 60_000 },
    });
    const bulkCapacity = meter(bulk);
    const table = emulators.tables.users;
    const users = deps.userStore();
    const actor = { sub: 'bench', username: 'bench', groups: ['admin'] };
    const pageAt = async (status: UserStatus | undefined, page: number) => {
      let after: string | undefined;
      for (let i = 1; i < page; i++) after = (await users.list({ limit: 20, after, status })).last;
      return after;
    };
    const results: Array<{
      size: number;
      seconds: number;
      rows: Record<string, { ms: number; units: number }>;
    }> = [];
    let seeded = 0;
    for (const size of SIZES) {
      const seconds = await seed(bulk, table, seeded, size);
      seeded = size;
      const laterAll = await pageAt(undefined, LATER_PAGE);
      const laterQueue = await pageAt('pending_approval', LATER_PAGE);
      const rows = {
        'count by full Scan (the status page before)': await measure(async () => {
          let start: Record<string, never> | undefined;
          do {
            const page = await bulk.send(
              new ScanCommand({ TableName: table, Select: 'COUNT', ExclusiveStartKey: start }),
            );
            start = page.LastEvaluatedKey as Record<string, never> | undefined;
          } while (start);
        }, bulkCapacity),
        'list, first page': await measure(() => users.list({ limit: 20 }), capacity),
        [`list, page ${LATER_PAGE}`]: await measure(
          () => users.list({ limit: 20, after: laterAll }),
          capacity,
        ),
        'approval queue, first page': await measure(
          () => users.list({ limit: 20, status: 'pending_approval' }),
          capacity,
        ),
        [`approval queue, page ${LATER_PAGE}`]: await measure(
          () => users.list({ limit: 20, status: 'pending_approval', after: laterQueue }),
          capacity,
        ),
        // Uncached, straight to DynamoDB Local (the store reuses it for 10 minutes per container).
        'DescribeTable (the count; DynamoDB Local counts the table)': await measure(
          () => client.send(new DescribeTableCommand({ TableName: table })),
          capacity,
        ),
        'status page (GET /admin/cognito)': await measure(
          () =>
            poolStatus(
              { inspector: deps.poolInspector(), users },
              { actor, correlationId: 'bench', configuration: [] },
            ),
          capacity,
        ),
      };
      results.push({ size, seconds, rows });
      console.info(size, seconds, rows);
    }
    const [small, large] = results as [(typeof results)[0], (typeof results)[0]];
    const section = [
      '## Scale',
      '',
      `Measured by \`npm run bench:scale\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, DynamoDB Local over loopback: \`Users\` seeded with ${small.size.toLocaleString('en')} records (${small.seconds.toFixed(0)} s, BatchWriteItem, 8 in flight), measured, then grown to ${large.size.toLocaleString('en')} (${large.seconds.toFixed(0)} s more) and measured again; statuses mixed as in a live pool (${MIX.map(([s, share]) => `${s} ${share * 100} %`).join(', ')}). Median of ${RUNS} calls after ${WARM_UP} of warm-up; read capacity units one call consumed (ReturnConsumedCapacity, as DynamoDB Local reports them). Pages hold 20 users. The status page is the whole use case: its two Cognito calls (DescribeUserPool, DescribeUserPoolClient) go to cognito-local and do not grow with the users; its count is DynamoDB's \`ItemCount\`, reused for 10 minutes per container. DynamoDB Local computes that count by counting the table (the DescribeTable row); DynamoDB keeps it as table metadata that it refreshes about every six hours, so a deployed DescribeTable does not grow with the table: that row is the emulator's, and only the first status page of a container pays it.`,
      '',
      `| read | ${small.size.toLocaleString('en')}: latency | RCU | ${large.size.toLocaleString('en')}: latency | RCU | latency ratio | RCU ratio |`,
      '|---|---|---|---|---|---|---|',
      ...Object.keys(small.rows).map((name) => {
        const a = small.rows[name] as { ms: number; units: number };
        const b = large.rows[name] as { ms: number; units: number };
        const ratio = (x: number, y: number) => (y === 0 ? '—' : `${(x / y).toFixed(2)}x`);
        return `| ${name} | ${a.ms.toFixed(1)} ms | ${a.units.toFixed(1)} | ${b.ms.toFixed(1)} ms | ${b.units.toFixed(1)} | ${ratio(b.ms, a.ms)} | ${ratio(b.units, a.units)} |`;
      }),
      '',
      `Goal: every read at ${large.size.toLocaleString('en')} within 1.2x of itself at ${small.size.toLocaleString('en')}. The first row is what the status page cost before the status index (docs/decisions/0045-admin-reads-by-index.md). The smaller table is measured first, on a younger DynamoDB Local JVM: a latency ratio below 1 is that, not a speed-up; the read capacity is the measure that does not depend on the machine.`,
      '',
    ].join('\n');
    writeBenchSection('Scale', section, 'Local API');
    console.info(section);
  } finally {
    await emulators.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
