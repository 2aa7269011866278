import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConfigurationError } from '../../domain/errors';
import { type Clock, systemClock } from '../../ports/clock';
import type { SecretName, SecretSource } from '../../ports/secret-source';
import { sdkClientConfig } from './sdk-config';

const CACHE_MS = 5 * 60_000;

/** Shared secrets from AWS Secrets Manager, cached per container for five minutes. */
export class SecretsManagerSecretSource implements SecretSource {
  private readonly client: SecretsManagerClient;
  private readonly clock: Clock;
  private readonly cache = new Map<SecretName, { value: string; fetchedAt: number }>();

  constructor(
    private readonly arns: Partial<Record<SecretName, string>>,
    options: { client?: SecretsManagerClient; clock?: Clock } = {},
  ) {
    this.client = options.client ?? new SecretsManagerClient(sdkClientConfig());
    this.clock = options.clock ?? systemClock;
  }

  async get(name: SecretName): Promise<string> {
    const cached = this.cache.get(name);
    const now = this.clock().getTime();
    if (cached && now - cached.fetchedAt < CACHE_MS) return cached.value;
    const arn = this.arns[name];
    if (!arn) throw new ConfigurationError(`No secret ARN configured for ${name}.`);
    const { SecretString } = await this.client.send(new GetSecretValueCommand({ SecretId: arn }));
    if (!SecretString) throw new ConfigurationError(`Secret ${name} has no string value.`);
    this.cache.set(name, { value: SecretString, fetchedAt: now });
    return SecretString;
  }
}
