import { ConfigurationError } from '../../domain/errors';
import type { SecretName, SecretSource } from '../../ports/secret-source';
import { SECRETS } from '../../secrets';

/** Secrets from environment variables (`valueEnv`, local runs), with optional defaults for mock mode. */
export class EnvSecretSource implements SecretSource {
  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly defaults: Partial<Record<SecretName, string>> = {},
  ) {}

  async get(name: SecretName): Promise<string> {
    const variable = SECRETS[name].valueEnv;
    const value = this.env[variable] || this.defaults[name];
    if (!value) throw new ConfigurationError(`${variable} is not set.`);
    return value;
  }
}
