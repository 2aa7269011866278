import { ConfigurationError } from '../../domain/errors';
import type { SecretName, SecretSource } from '../../ports/secret-source';

const VARIABLES: Record<SecretName, string> = {
  applicationWebhook: 'APPLICATION_WEBHOOK_SECRET',
  billingWebhook: 'BILLING_WEBHOOK_SECRET',
};

/** Secrets from environment variables (local runs), with optional defaults for mock mode. */
export class EnvSecretSource implements SecretSource {
  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly defaults: Partial<Record<SecretName, string>> = {},
  ) {}

  async get(name: SecretName): Promise<string> {
    const value = this.env[VARIABLES[name]] || this.defaults[name];
    if (!value) throw new ConfigurationError(`${VARIABLES[name]} is not set.`);
    return value;
  }
}
