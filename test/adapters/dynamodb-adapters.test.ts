import {
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDbRateLimiter } from '../../lambdas/core/adapters/aws/dynamodb-rate-limiter';
import { DynamoDbUserStore, USERS_EMAIL_INDEX } from '../../lambdas/core/adapters/aws/dynamodb-user-store';
import { SecretsManagerSecretSource } from '../../lambdas/core/adapters/aws/secrets-manager-secret-source';
import {
  ConfigurationError,
  InvalidTransitionError,
  NotFoundError,
  RecordExistsError,
} from '../../lambdas/core/domain/errors';
import { newUserRecord } from '../../lambdas/core/domain/user';

const ddb = mockClient(DynamoDBClient);
const client = new DynamoDBClient({ region: 'eu-west-1' });
const fixedNow = new Date('2026-11-21T10:00:00Z');
const store = new DynamoDbUserStore({ tableName: 'Users', client, clock: () => fixedNow });
const record = newUserRecord({
  userId: 'u1',
  email: 'jane@example.com',
  status: 'pending_verification',
  now: fixedNow,
});

function conditionFailed(item?: Record<string, unknown>): Error {
  return Object.assign(new Error('The conditional request failed'), {
    name: 'ConditionalCheckFailedException',
    $metadata: {},
    ...(item ? { Item: item } : {}),
  });
}

beforeEach(() => ddb.reset());

describe('DynamoDbUserStore', () => {
  it('creates records only if the userId is free', async () => {
    ddb.on(PutItemCommand).resolves({});

    await store.create(record);

    const input = ddb.commandCalls(PutItemCommand)[0]?.args[0].input;
    expect(input).toMatchObject({ TableName: 'Users', ConditionExpression: 'attribute_not_exists(userId)' });
    expect(unmarshall(input?.Item ?? {})).toEqual(record);
  });

  it('maps a failed create condition to RecordExistsError', async () => {
    ddb.on(PutItemCommand).rejects(conditionFailed());

    await expect(store.create(record)).rejects.toBeInstanceOf(RecordExistsError);
  });

  it('reads consistently by key and finds by email through the email index', async () => {
    ddb.on(GetItemCommand).resolves({ Item: marshall(record) });
    ddb.on(QueryCommand).resolves({ Items: [marshall(record)] });

    await expect(store.get('u1')).resolves.toEqual(record);
    await expect(store.findByEmail(' JANE@example.com')).resolves.toEqual(record);
    expect(ddb.commandCalls(GetItemCommand)[0]?.args[0].input).toMatchObject({
      Key: { userId: { S: 'u1' } },
      ConsistentRead: true,
    });
    expect(ddb.commandCalls(QueryCommand)[0]?.args[0].input).toMatchObject({
      IndexName: USERS_EMAIL_INDEX,
      ExpressionAttributeValues: { ':email': { S: 'jane@example.com' } },
    });
  });

  it('moves status only from the expected status, in one conditional update', async () => {
    ddb.on(UpdateItemCommand).resolves({ Attributes: marshall({ ...record, status: 'pending_approval' }) });

    const updated = await store.transition('u1', 'pending_verification', 'pending_approval', {
      emailVerified: true,
    });

    expect(updated.status).toBe('pending_approval');
    const input = ddb.commandCalls(UpdateItemCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      Key: { userId: { S: 'u1' } },
      ConditionExpression: 'attribute_exists(userId) AND #status = :from',
      UpdateExpression: 'SET #status = :to, updatedAt = :now, emailVerified = :emailVerified',
    });
    expect(unmarshall(input?.ExpressionAttributeValues ?? {})).toEqual({
      ':from': 'pending_verification',
      ':to': 'pending_approval',
      ':now': fixedNow.toISOString(),
      ':emailVerified': true,
    });
  });

  it('maps a failed transition to InvalidTransitionError, or NotFoundError when there is no record', async () => {
    ddb
      .on(UpdateItemCommand)
      .rejectsOnce(conditionFailed({ status: { S: 'active' } }))
      .rejectsOnce(conditionFailed());

    await expect(store.transition('u1', 'pending_verification', 'pending_approval')).rejects.toBeInstanceOf(
      InvalidTransitionError,
    );
    await expect(store.transition('u1', 'pending_verification', 'pending_approval')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe('DynamoDbRateLimiter', () => {
  const limiter = new DynamoDbRateLimiter({ tableName: 'RateLimits', client, clock: () => fixedNow });

  it('counts with one conditional atomic increment per fixed window, with a TTL', async () => {
    ddb.on(UpdateItemCommand).resolves({});

    await expect(limiter.hit('k', 3, 900)).resolves.toBe(true);

    const window = Math.floor(fixedNow.getTime() / 1000 / 900);
    const input = ddb.commandCalls(UpdateItemCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      TableName: 'RateLimits',
      Key: { key: { S: `k#${window}` } },
      UpdateExpression: 'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :expiresAt)',
      ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
    });
    expect(unmarshall(input?.ExpressionAttributeValues ?? {})).toEqual({
      ':one': 1,
      ':limit': 3,
      ':expiresAt': (window + 1) * 900 + 60,
    });
  });

  it('says no once the condition fails', async () => {
    ddb.on(UpdateItemCommand).rejects(conditionFailed());

    await expect(limiter.hit('k', 3, 900)).resolves.toBe(false);
  });
});

describe('SecretsManagerSecretSource', () => {
  const sm = mockClient(SecretsManagerClient);
  beforeEach(() => sm.reset());

  it('reads the secret by ARN once and caches it', async () => {
    sm.on(GetSecretValueCommand).resolves({ SecretString: 's3cret' });
    const source = new SecretsManagerSecretSource(
      { applicationWebhook: 'arn:aws:secretsmanager:eu-west-1:1:secret:app' },
      { client: new SecretsManagerClient({ region: 'eu-west-1' }) },
    );

    await expect(source.get('applicationWebhook')).resolves.toBe('s3cret');
    await expect(source.get('applicationWebhook')).resolves.toBe('s3cret');
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    expect(sm.commandCalls(GetSecretValueCommand)[0]?.args[0].input).toEqual({
      SecretId: 'arn:aws:secretsmanager:eu-west-1:1:secret:app',
    });
  });

  it('fails closed with ConfigurationError when no ARN is configured', async () => {
    const source = new SecretsManagerSecretSource(
      {},
      { client: new SecretsManagerClient({ region: 'eu-west-1' }) },
    );

    await expect(source.get('billingWebhook')).rejects.toBeInstanceOf(ConfigurationError);
  });
});
