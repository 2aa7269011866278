import * as path from 'node:path';
import type { UserMigrationTriggerEvent } from 'aws-lambda';
import { legacyConnectionString } from '../../../lambdas/core/domain/legacy-connection';
import { TriggerRefusedError } from '../../../lambdas/core/trigger/preset';
import { handler } from '../../../lambdas/triggers/user-migration';
import { lambdaContext } from '../../../local/api-gateway';

process.env.LEGACY_USERS_FILE = path.join(__dirname, '../../../local/legacy-users.example.json');
const PASSWORD = 'Legacy!Passw0rd-2019';

/** The event of Cognito's developer guide ("Migrate user Lambda trigger"). */
function cognitoEvent(
  triggerSource: UserMigrationTriggerEvent['triggerSource'],
  userName: string,
  password?: string,
): UserMigrationTriggerEvent {
  return {
    version: '1',
    region: 'us-east-1',
    userPoolId: 'us-east-1_EXAMPLE',
    userName,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
    triggerSource,
    request: { password: password as string, validationData: {}, clientMetadata: {} },
    response: { userAttributes: {}, desiredDeliveryMediums: [] },
  } as UserMigrationTriggerEvent;
}

const run = (event: UserMigrationTriggerEvent) => handler(event, lambdaContext('userMigration'));

describe('the UserMigration trigger', () => {
  it('answers a matching legacy password with the attributes, CONFIRMED and no message', async () => {
    const answer = await run(
      cognitoEvent('UserMigration_Authentication', 'LEE.legacy@example.com', PASSWORD),
    );

    expect(answer.response).toEqual({
      userAttributes: {
        email: 'lee.legacy@example.com',
        email_verified: 'true',
        name: 'Lee Legacy',
        'custom:legacy_id': '6f1c3a0e-5b7d-4d43-9a1e-6f0c2e8b9d11',
      },
      finalUserStatus: 'CONFIRMED',
      messageAction: 'SUPPRESS',
      desiredDeliveryMediums: [],
    });
  });

  it('refuses a wrong password and an unknown email alike, with a safe message and no password logged', async () => {
    const lines: string[] = [];
    const spies = (['info', 'warn', 'error'] as const).map((level) =>
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.join(' '))),
    );
    process.env.LOG_LEVEL = 'info';
    try {
      const refusal = async (email: string) =>
        run(cognitoEvent('UserMigration_Authentication', email, 'Wr0ng!Secret-1')).then(
          () => undefined,
          (error: Error) => error,
        );
      const [wrong, unknown] = [await refusal('lee.legacy@example.com'), await refusal('nobody@example.com')];
      expect(wrong).toBeInstanceOf(TriggerRefusedError);
      expect(unknown).toBeInstanceOf(TriggerRefusedError);
      expect(unknown?.message).toBe(wrong?.message);
    } finally {
      process.env.LOG_LEVEL = 'silent';
      for (const spy of spies) spy.mockRestore();
    }
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toMatch(/Wr0ng!Secret-1|\$2b\$/);
  });

  it('migrates a weak legacy password as RESET_REQUIRED', async () => {
    const answer = await run(
      cognitoEvent('UserMigration_Authentication', 'weak.legacy@example.com', 'letmein1'),
    );
    expect(answer.response).toMatchObject({ finalUserStatus: 'RESET_REQUIRED', messageAction: 'SUPPRESS' });
  });

  it('on ForgotPassword (no password) migrates as RESET_REQUIRED; refuses an unknown email', async () => {
    const answer = await run(cognitoEvent('UserMigration_ForgotPassword', 'lee.legacy@example.com'));
    expect(answer.response).toMatchObject({
      userAttributes: expect.objectContaining({ 'custom:legacy_id': '6f1c3a0e-5b7d-4d43-9a1e-6f0c2e8b9d11' }),
      finalUserStatus: 'RESET_REQUIRED',
    });
    await expect(
      run(cognitoEvent('UserMigration_ForgotPassword', 'nobody@example.com')),
    ).rejects.toBeInstanceOf(TriggerRefusedError);
  });
});

describe('the legacy database secret', () => {
  it('is a postgres:// URL, or the JSON of an RDS-managed secret', () => {
    expect(legacyConnectionString(' postgres://app:pw@db:5432/app?sslmode=verify-full ')).toBe(
      'postgres://app:pw@db:5432/app?sslmode=verify-full',
    );
    expect(
      legacyConnectionString(
        JSON.stringify({
          engine: 'postgres',
          username: 'app',
          password: 'p@ss/word',
          host: 'db.internal',
          port: 5433,
          dbname: 'legacy',
        }),
      ),
    ).toBe('postgres://app:p%40ss%2Fword@db.internal:5433/legacy');
  });

  it('refuses anything else without echoing the value', () => {
    expect(() => legacyConnectionString('mysql://secret-value')).toThrow(/neither/);
    expect(() => legacyConnectionString('mysql://secret-value')).not.toThrow(/secret-value/);
    expect(() => legacyConnectionString('{"username":"app","password":"s3cr3t"}')).toThrow(/host/);
    expect(() => legacyConnectionString('{"username":"app","password":"s3cr3t"}')).not.toThrow(/s3cr3t/);
  });
});
