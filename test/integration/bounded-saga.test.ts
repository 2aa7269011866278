import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CognitoPool } from '../../lambdas/core/adapters/aws/cognito/cognito-client';
import { CognitoUserDirectory } from '../../lambdas/core/adapters/aws/cognito/cognito-user-directory';
import { DynamoDbAdminStore } from '../../lambdas/core/adapters/aws/dynamodb-admin-store';
import { DynamoDbIdempotencyStore } from '../../lambdas/core/adapters/aws/dynamodb-idempotency-store';
import { DynamoDbReconciliationLog } from '../../lambdas/core/adapters/aws/dynamodb-reconciliation-log';
import { DynamoDbUserStore } from '../../lambdas/core/adapters/aws/dynamodb-user-store';
import { DynamoDbUsernameRegistry } from '../../lambdas/core/adapters/aws/dynamodb-username-registry';
import { sdkClientConfig } from '../../lambdas/core/adapters/aws/sdk-config';
import type { UserDirectory } from '../../lambdas/core/ports/user-directory';
import { realSleep } from '../../lambdas/core/retry';
import { provisionNewAdmin } from '../../lambdas/core/workflows/admins/provision-new-admin';
import { repairReconciliations } from '../../lambdas/core/workflows/operators/reconciliation';
import { blackholeProxy } from '../support/blackhole-proxy';
import { emulators, uniqueEmail } from './emulators';

/**
 * F1 of the security review: DynamoDB behind a TCP black hole must not leave
 * an invisible, working admin. The saga runs on the real adapters with the
 * real SDK timeouts and a 10 s invocation budget (the function's timeout).
 */
const info = emulators();
const directory = new CognitoUserDirectory(new CognitoPool(info.userPoolId, info.clientId));
const FUNCTION_TIMEOUT_MS = 10_000;
let proxy: Awaited<ReturnType<typeof blackholeProxy>>;

beforeAll(async () => {
  const { hostname, port } = new URL(info.dynamodbEndpoint);
  proxy = await blackholeProxy({ host: hostname, port: Number(port) });
});
afterAll(() => proxy.close());
afterEach(() => {
  proxy.blackhole = false;
});

/** The saga's ports, DynamoDB through the proxy, and `directory` in between (to flip the black hole). */
function ports(overrides: { directory?: UserDirectory; onRecordsWritten?: () => void } = {}) {
  const client = new DynamoDBClient({ ...sdkClientConfig(), endpoint: proxy.endpoint });
  const admins = new DynamoDbAdminStore({
    usersTableName: info.tables.users,
    adminInfoTableName: info.tables.adminInfo,
    client,
  });
  const started = Date.now();
  return {
    directory: overrides.directory ?? directory,
    admins: {
      createAdminRecords: async (...args: Parameters<typeof admins.createAdminRecords>) => {
        await admins.createAdminRecords(...args);
        overrides.onRecordsWritten?.();
      },
      getAdminInfo: (id: string) => admins.getAdminInfo(id),
      deleteAdminInfo: (id: string) => admins.deleteAdminInfo(id),
    },
    users: new DynamoDbUserStore({ tableName: info.tables.users, client }),
    idempotency: new DynamoDbIdempotencyStore({ tableName: info.tables.idempotency, client }),
    reconciliations: new DynamoDbReconciliationLog({ tableName: info.tables.reconciliations, client }),
    clock: () => new Date(),
    sleep: realSleep,
    remainingMs: () => FUNCTION_TIMEOUT_MS - (Date.now() - started),
  };
}

/** The same tables, not through the proxy: what an operator sees afterwards. */
const direct = {
  directory,
  users: new DynamoDbUserStore({ tableName: info.tables.users }),
  admins: new DynamoDbAdminStore({
    usersTableName: info.tables.users,
    adminInfoTableName: info.tables.adminInfo,
  }),
  usernames: new DynamoDbUsernameRegistry({
    usernamesTableName: info.tables.usernames,
    usersTableName: info.tables.users,
  }),
  reconciliations: new DynamoDbReconciliationLog({ tableName: info.tables.reconciliations }),
  clock: () => new Date(),
};

const actor = { sub: 'root', username: 'root', groups: ['admin'] };

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; outcome: PromiseSettledResult<T> }> {
  const t = Date.now();
  const [outcome] = await Promise.allSettled([run()]);
  return { ms: Date.now() - t, outcome: outcome as PromiseSettledResult<T> };
}

describe('admin provisioning with DynamoDB behind a TCP black hole', () => {
  it('after the Cognito steps: ends in time, deletes the Cognito user, and leaves the saga listed', async () => {
    const email = uniqueEmail('blackhole');
    const flipping: UserDirectory = Object.assign(Object.create(directory), {
      addUserToGroup: async (username: string, group: string) => {
        await directory.addUserToGroup(username, group);
        proxy.blackhole = true;
      },
    });

    const { ms, outcome } = await timed(() =>
      provisionNewAdmin(ports({ directory: flipping }), { actor, email, correlationId: 'bh-1' }),
    );
    proxy.blackhole = false;

    expect(outcome.status).toBe('rejected');
    expect(ms).toBeLessThan(FUNCTION_TIMEOUT_MS - 500);
    // No invisible admin: the Cognito user is gone ...
    await expect(directory.getUser(email)).resolves.toBeUndefined();
    // ... and the saga it could not close is listed for the operator, and repairs as nothing left.
    const pending = (await direct.reconciliations.pending()).filter((r) => r.email === email);
    expect(pending).toEqual([
      expect.objectContaining({ kind: 'provisioning-in-progress', status: 'pending' }),
    ]);
    const repaired = await repairReconciliations(direct, pending[0]?.id);
    expect(repaired).toEqual([expect.objectContaining({ action: 'nothing-created' })]);
  }, 20_000);

  it('from the start: fails in time and creates nothing', async () => {
    const email = uniqueEmail('blackhole-start');
    proxy.blackhole = true;

    const { ms, outcome } = await timed(() =>
      provisionNewAdmin(ports(), { actor, email, correlationId: 'bh-2' }),
    );
    proxy.blackhole = false;

    expect(outcome.status).toBe('rejected');
    expect(ms).toBeLessThan(FUNCTION_TIMEOUT_MS - 500);
    await expect(directory.getUser(email)).resolves.toBeUndefined();
  }, 20_000);

  it('after the records: answers created (never a 500 for a created admin) and the record repairs as complete', async () => {
    const email = uniqueEmail('blackhole-late');

    const { ms, outcome } = await timed(() =>
      provisionNewAdmin(ports({ onRecordsWritten: () => (proxy.blackhole = true) }), {
        actor,
        email,
        correlationId: 'bh-3',
      }),
    );
    proxy.blackhole = false;

    expect(outcome).toMatchObject({ status: 'fulfilled', value: { created: true } });
    expect(ms).toBeLessThan(FUNCTION_TIMEOUT_MS - 500);
    const pending = (await direct.reconciliations.pending()).filter((r) => r.email === email);
    expect(await repairReconciliations(direct, pending[0]?.id)).toEqual([
      expect.objectContaining({ action: 'complete' }),
    ]);
    await expect(directory.getUser(email)).resolves.toMatchObject({ enabled: true });
  }, 20_000);
});
