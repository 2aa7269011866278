import type { SecretName } from '../secrets';

export type { SecretName } from '../secrets';

/** Where shared secrets come from (Secrets Manager deployed, env locally). */
export interface SecretSource {
  /** Throws ConfigurationError when the secret is not configured. */
  get(name: SecretName): Promise<string>;
}
