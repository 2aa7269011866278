import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  DynamoDBClient,
  PutItemCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { CognitoPool } from '../../lambdas/core/adapters/aws/cognito/cognito-client';
import { CognitoUserDirectory } from '../../lambdas/core/adapters/aws/cognito/cognito-user-directory';
import { DynamoDbAdminStore } from '../../lambdas/core/adapters/aws/dynamodb-admin-store';
import { DynamoDbIdempotencyStore } from '../../lambdas/core/adapters/aws/dynamodb-idempotency-store';
import { DynamoDbReconciliationLog } from '../../lambdas/core/adapters/aws/dynamodb-reconciliation-log';
import { DynamoDbUserStore } from '../../lambdas/core/adapters/aws/dynamodb-user-store';
import { RecordExistsError } from '../../lambdas/core/domain/errors';
import { newUserRecord } from '../../lambdas/core/domain/user';
import { provisionNewAdmin } from '../../lambdas/core/workflows/admins/provision-new-admin';

const cognito = mockClient(CognitoIdentityProviderClient);
const ddb = mockClient(DynamoDBClient);
const region = { region: 'eu-west-1' };
const directory = new CognitoUserDirectory(
  new CognitoPool('eu-west-1_Pool', 'client', new CognitoIdentityProviderClient(region)),
);
const ddbClient = new DynamoDBClient(region);
const ports = {
  directory,
  admins: new DynamoDbAdminStore({
    usersTableName: 'Users',
    adminInfoTableName: 'AdminInfo',
    client: ddbClient,
  }),
  users: new DynamoDbUserStore({ tableName: 'Users', client: ddbClient }),
  idempotency: new DynamoDbIdempotencyStore({ tableName: 'Idempotency', client: ddbClient }),
  reconciliations: new DynamoDbReconciliationLog({ tableName: 'Reconciliations', client: ddbClient }),
  clock: () => new Date('2026-11-21T10:00:00Z'),
  sleep: async () => undefined,
};
const actor = { sub: 'root-sub', username: 'root-sub', groups: ['admin'] };

function sdkError(name: string): Error {
  return Object.assign(new Error(name), { name, $metadata: {} });
}

beforeEach(() => {
  cognito.reset();
  ddb.reset();
  cognito.on(AdminCreateUserCommand).resolves({
    User: {
      Username: 'u-1',
      Attributes: [
        { Name: 'sub', Value: 'u-1' },
        { Name: 'email', Value: 'new@example.com' },
      ],
      UserStatus: 'FORCE_CHANGE_PASSWORD',
      Enabled: true,
    },
  });
  cognito.on(AdminAddUserToGroupCommand).resolves({});
  cognito.on(AdminDeleteUserCommand).resolves({});
});

describe('the provisioning saga on the AWS adapters', () => {
  it('creates the Cognito user with the admin invitation, adds it to the admin group, and writes one transaction', async () => {
    ddb.on(TransactWriteItemsCommand).resolves({});

    await provisionNewAdmin(ports, { actor, email: 'new@example.com', correlationId: 'c' });

    expect(cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input).toMatchObject({
      Username: 'new@example.com',
      DesiredDeliveryMediums: ['EMAIL'],
      ClientMetadata: { invitation: 'admin' },
      UserAttributes: expect.arrayContaining([{ Name: 'custom:role', Value: 'admin' }]),
    });
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]?.args[0].input).toEqual({
      UserPoolId: 'eu-west-1_Pool',
      Username: 'u-1',
      GroupName: 'admin',
    });
    const items = ddb.commandCalls(TransactWriteItemsCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(items.map((i) => [i.Put?.TableName, i.Put?.ConditionExpression])).toEqual([
      ['Users', 'attribute_not_exists(userId)'],
      ['AdminInfo', 'attribute_not_exists(userId)'],
    ]);
    expect(unmarshall(items[1]?.Put?.Item ?? {})).toEqual({
      userId: 'u-1',
      createdBy: 'root-sub',
      createdAt: '2026-11-21T10:00:00.000Z',
      invitedAt: '2026-11-21T10:00:00.000Z',
    });
    expect(cognito.commandCalls(AdminDeleteUserCommand)).toHaveLength(0);
  });

  it('calls AdminDeleteUser for the created user when the transaction fails', async () => {
    ddb.on(TransactWriteItemsCommand).rejects(sdkError('ProvisionedThroughputExceededException'));

    await expect(
      provisionNewAdmin(ports, { actor, email: 'new@example.com', correlationId: 'c' }),
    ).rejects.toThrow();

    expect(cognito.commandCalls(AdminDeleteUserCommand).map((c) => c.args[0].input)).toEqual([
      { UserPoolId: 'eu-west-1_Pool', Username: 'u-1' },
    ]);
  });

  it('calls AdminDeleteUser when the group step fails', async () => {
    cognito.on(AdminAddUserToGroupCommand).rejects(sdkError('InternalErrorException'));

    await expect(
      provisionNewAdmin(ports, { actor, email: 'new@example.com', correlationId: 'c' }),
    ).rejects.toThrow();

    expect(cognito.commandCalls(AdminDeleteUserCommand)).toHaveLength(1);
    expect(ddb.commandCalls(TransactWriteItemsCommand)).toHaveLength(0);
  });

  it('treats UserNotFoundException on AdminDeleteUser as done (idempotent compensation)', async () => {
    ddb.on(TransactWriteItemsCommand).rejects(sdkError('InternalServerError'));
    cognito.on(AdminDeleteUserCommand).rejects(sdkError('UserNotFoundException'));

    await expect(
      provisionNewAdmin(ports, { actor, email: 'new@example.com', correlationId: 'c' }),
    ).rejects.toThrow();

    expect(cognito.commandCalls(AdminDeleteUserCommand)).toHaveLength(1);
    // Only the write-ahead record, which the finished compensation closes: no orphan record needed.
    const puts = ddb.commandCalls(PutItemCommand).map((c) => unmarshall(c.args[0].input.Item ?? {}));
    expect(puts).toEqual([expect.objectContaining({ kind: 'provisioning-in-progress', status: 'pending' })]);
    expect(ddb.commandCalls(UpdateItemCommand).map((c) => c.args[0].input.TableName)).toEqual([
      'Reconciliations',
    ]);
  });

  it('retries AdminDeleteUser 3 times, then writes the reconciliation record to its table', async () => {
    ddb.on(TransactWriteItemsCommand).rejects(sdkError('InternalServerError'));
    ddb.on(PutItemCommand).resolves({});
    cognito.on(AdminDeleteUserCommand).rejects(sdkError('TooManyRequestsException'));

    await expect(
      provisionNewAdmin(ports, { actor, email: 'new@example.com', correlationId: 'corr' }),
    ).rejects.toThrow();

    expect(cognito.commandCalls(AdminDeleteUserCommand)).toHaveLength(3);
    const [writeAhead, orphan] = ddb.commandCalls(PutItemCommand).map((c) => c.args[0].input);
    expect(writeAhead?.TableName).toBe('Reconciliations');
    // The write-ahead record becomes the orphan record (same id).
    expect(unmarshall(orphan?.Item ?? {}).id).toBe(unmarshall(writeAhead?.Item ?? {}).id);
    expect(unmarshall(orphan?.Item ?? {})).toMatchObject({
      kind: 'orphan-cognito-user',
      username: 'u-1',
      email: 'new@example.com',
      actor: 'root-sub',
      correlationId: 'corr',
      status: 'pending',
      // The original failure, then each failed attempt (SDK names mapped to domain errors).
      errors: ['InternalServerError', 'TooManyRequestsError', 'TooManyRequestsError', 'TooManyRequestsError'],
    });
  });
});

describe('DynamoDbAdminStore', () => {
  it('maps a transaction cancelled by a failed condition to RecordExistsError', async () => {
    ddb.on(TransactWriteItemsCommand).rejects(
      Object.assign(sdkError('TransactionCanceledException'), {
        CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }],
      }),
    );
    const user = newUserRecord({ userId: 'u-1', email: 'a@b.co', status: 'active', now: new Date() });

    await expect(
      ports.admins.createAdminRecords(user, { userId: 'u-1', createdBy: 'x', createdAt: 'now' }),
    ).rejects.toBeInstanceOf(RecordExistsError);
  });

  it('lets a transaction cancelled for another reason through unchanged', async () => {
    const conflict = Object.assign(sdkError('TransactionCanceledException'), {
      CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }],
    });
    ddb.on(TransactWriteItemsCommand).rejects(conflict);
    const user = newUserRecord({ userId: 'u-1', email: 'a@b.co', status: 'active', now: new Date() });

    await expect(
      ports.admins.createAdminRecords(user, { userId: 'u-1', createdBy: 'x', createdAt: 'now' }),
    ).rejects.toBe(conflict);
  });
});
