import { NotAuthorizedError } from '../../../lambdas/core/domain/errors';
import type { TriggerDefinition } from '../../../lambdas/core/trigger/definition';
import { cognitoTrigger, GENERIC_TRIGGER_MESSAGE } from '../../../lambdas/core/trigger/preset';
import { lambdaContext } from '../../../local/api-gateway';

const definition: TriggerDefinition = {
  name: 'probe',
  trigger: 'UserMigration',
  entry: 'unused.ts',
  summary: 'test trigger',
  permissions: {},
};

// A UserMigration_Authentication event carries the plaintext password.
const event = {
  version: '1',
  triggerSource: 'UserMigration_Authentication',
  region: 'us-east-1',
  userPoolId: 'us-east-1_Pool1',
  userName: 'jane@example.com',
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
  request: { password: 'Pl41n!text-secret', validationData: {}, clientMetadata: {} },
  response: {},
};

function captureLogs(): { lines: string[]; restore(): void } {
  const lines: string[] = [];
  const spies = (['info', 'warn', 'error'] as const).map((level) =>
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    }),
  );
  process.env.LOG_LEVEL = 'info';
  return {
    lines,
    restore() {
      process.env.LOG_LEVEL = 'silent';
      for (const spy of spies) spy.mockRestore();
    },
  };
}

describe('the Cognito trigger preset', () => {
  it('answers the event and logs the trigger source, pool and request id only', async () => {
    const logs = captureLogs();
    try {
      const handler = cognitoTrigger(definition, async (e: typeof event) => ({ ...e, response: { ok: 1 } }));
      const context = lambdaContext('probe');

      await expect(handler(structuredClone(event), context)).resolves.toMatchObject({ response: { ok: 1 } });

      expect(logs.lines.map((l) => JSON.parse(l))).toEqual([
        expect.objectContaining({
          event: 'trigger done',
          trigger: 'probe',
          triggerSource: 'UserMigration_Authentication',
          userPoolId: 'us-east-1_Pool1',
          requestId: context.awsRequestId,
        }),
      ]);
      expect(logs.lines.join('\n')).not.toMatch(/Pl41n|jane@example\.com|callerContext/);
    } finally {
      logs.restore();
    }
  });

  it("surfaces a domain error's safe message and logs only its name", async () => {
    const logs = captureLogs();
    try {
      const handler = cognitoTrigger(definition, async (_e: typeof event): Promise<typeof event> => {
        throw new NotAuthorizedError();
      });

      await expect(handler(structuredClone(event), lambdaContext('probe'))).rejects.toThrow(
        new NotAuthorizedError().message,
      );
      expect(JSON.parse(logs.lines[0] as string)).toMatchObject({
        event: 'trigger failed',
        error: 'NotAuthorizedError',
      });
    } finally {
      logs.restore();
    }
  });

  it('replaces any other error by a generic message, without its text or stack', async () => {
    const logs = captureLogs();
    try {
      const handler = cognitoTrigger(definition, async (_e: typeof event): Promise<typeof event> => {
        throw new Error('connect ECONNREFUSED 10.0.0.7:5432 password=Pl41n!text-secret');
      });

      const failure = await handler(structuredClone(event), lambdaContext('probe')).catch((e: Error) => e);

      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toBe(GENERIC_TRIGGER_MESSAGE);
      expect(logs.lines.join('\n')).not.toMatch(/ECONNREFUSED|Pl41n/);
      expect(JSON.parse(logs.lines[0] as string)).toMatchObject({ level: 'error', error: 'Error' });
    } finally {
      logs.restore();
    }
  });
});
