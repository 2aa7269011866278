/** Names of the shared secrets the handlers use. */
export type SecretName = 'applicationWebhook' | 'billingWebhook';

/** Where shared secrets come from (Secrets Manager deployed, env locally). */
export interface SecretSource {
  /** Throws ConfigurationError when the secret is not configured. */
  get(name: SecretName): Promise<string>;
}
