import { SecretsManagerSecretSource } from '../../../lambdas/core/adapters/aws/secrets-manager-secret-source';
import { EnvSecretSource } from '../../../lambdas/core/adapters/memory/env-secret-source';

describe('webhook secrets in mock mode', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    jest.resetModules();
  });

  it('reads Secrets Manager when the stack set a secret ARN, even on the fakes', () => {
    process.env.MOCK_MODE = 'true';
    process.env.APPLICATION_WEBHOOK_SECRET_ARN =
      'arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-AbCdEf';
    jest.isolateModules(() => {
      const { secretSource } =
        require('../../../lambdas/core/deps') as typeof import('../../../lambdas/core/deps');
      expect(secretSource().constructor.name).toBe(SecretsManagerSecretSource.name);
    });
  });

  it('keeps the local default only where no ARN is set (npm start)', async () => {
    process.env.MOCK_MODE = 'true';
    delete process.env.APPLICATION_WEBHOOK_SECRET_ARN;
    delete process.env.BILLING_WEBHOOK_SECRET_ARN;
    await jest.isolateModulesAsync(async () => {
      const { secretSource } =
        require('../../../lambdas/core/deps') as typeof import('../../../lambdas/core/deps');
      expect(secretSource().constructor.name).toBe(EnvSecretSource.name);
      await expect(secretSource().get('applicationWebhook')).resolves.toBe('local-webhook-secret');
    });
  });
});
