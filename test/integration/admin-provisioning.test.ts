import { CognitoPool } from '../../lambdas/core/adapters/aws/cognito/cognito-client';
import { CognitoUserDirectory } from '../../lambdas/core/adapters/aws/cognito/cognito-user-directory';
import { DynamoDbAdminStore } from '../../lambdas/core/adapters/aws/dynamodb-admin-store';
import { DynamoDbIdempotencyStore } from '../../lambdas/core/adapters/aws/dynamodb-idempotency-store';
import { DynamoDbReconciliationLog } from '../../lambdas/core/adapters/aws/dynamodb-reconciliation-log';
import { DynamoDbUserStore } from '../../lambdas/core/adapters/aws/dynamodb-user-store';
import { provisionNewAdmin } from '../../lambdas/core/workflows/admins/provision-new-admin';
import { call, STRONG_PASSWORD } from '../support/harness';
import { deliveredCode, emulators, uniqueEmail } from './emulators';

type Provisioned = {
  user: { userId: string; role: string; status: string };
  adminInfo: { createdBy: string };
};

describe('admin provisioning on cognito-local and DynamoDB Local (MOCK_MODE=false)', () => {
  const info = emulators();
  const directory = new CognitoUserDirectory(new CognitoPool(info.userPoolId, info.clientId));
  const users = new DynamoDbUserStore({ tableName: info.tables.users });
  const admins = new DynamoDbAdminStore({
    usersTableName: info.tables.users,
    adminInfoTableName: info.tables.adminInfo,
  });
  const reconciliations = new DynamoDbReconciliationLog({ tableName: info.tables.reconciliations });
  const idempotency = new DynamoDbIdempotencyStore({ tableName: info.tables.idempotency });

  /** A first admin made the way bootstrap-admin makes one, signed in. */
  async function signedInAdmin(): Promise<{ token: string; sub: string }> {
    const email = uniqueEmail('root');
    const created = await provisionNewAdmin(
      {
        directory,
        admins,
        users,
        reconciliations,
        idempotency,
        clock: () => new Date(),
        sleep: async () => undefined,
      },
      { actor: { sub: 'bootstrap', username: 'bootstrap', groups: [] }, email, correlationId: 'it' },
    );
    const answer = await call<{ tokens: { accessToken: string } }>('handleNewPasswordChallenge', {
      body: { email, temporaryPassword: await deliveredCode(email), newPassword: STRONG_PASSWORD },
    });
    return { token: answer.body.tokens.accessToken, sub: created.user.userId };
  }

  it('provisions an admin over the API: Cognito user in the admin group, both records, first login with the group', async () => {
    const root = await signedInAdmin();
    const email = uniqueEmail('admin');

    const answer = await call<Provisioned>('provisionNewAdmin', { token: root.token, body: { email } });

    expect(answer.status).toBe(201);
    const { userId } = answer.body.user;
    expect(answer.body).toMatchObject({
      user: { role: 'admin', status: 'active' },
      adminInfo: { createdBy: root.sub },
    });
    await expect(directory.groupsOf(userId)).resolves.toEqual(['admin']);
    await expect(users.get(userId)).resolves.toMatchObject({ role: 'admin', status: 'active' });
    await expect(admins.getAdminInfo(userId)).resolves.toMatchObject({ createdBy: root.sub });

    const first = await call<{ tokens: { accessToken: string } }>('handleNewPasswordChallenge', {
      body: { email, temporaryPassword: await deliveredCode(email), newPassword: STRONG_PASSWORD },
    });
    const me = await call('getProfile', { token: first.body.tokens.accessToken });
    expect(me.body).toMatchObject({ userId, role: 'admin', groups: ['admin'] });

    const again = await call('provisionNewAdmin', { token: root.token, body: { email } });
    expect(again.status).toBe(409);
  });

  it('rolls the Cognito user back when the database write fails', async () => {
    const email = uniqueEmail('rollback');
    const brokenAdmins = new DynamoDbAdminStore({
      usersTableName: 'no-such-table',
      adminInfoTableName: info.tables.adminInfo,
    });

    await expect(
      provisionNewAdmin(
        {
          directory,
          admins: brokenAdmins,
          users,
          reconciliations,
          idempotency,
          clock: () => new Date(),
          sleep: async () => undefined,
        },
        { actor: { sub: 'root', username: 'root', groups: ['admin'] }, email, correlationId: 'rollback' },
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });

    await expect(directory.getUser(email)).resolves.toBeUndefined();
    await expect(users.findByEmail(email)).resolves.toBeUndefined();
    expect((await reconciliations.pending()).some((r) => r.email === email)).toBe(false);
  });
});
