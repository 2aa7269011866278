import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { SecretName } from '../../lambdas/core/ports/secret-source';

/** Props of the webhook secrets construct. */
export interface WebhookSecretsProps {
  /** The secrets the operations read (from the registry). */
  readonly names: readonly SecretName[];
}

const DESCRIPTIONS: Record<SecretName, string> = {
  applicationWebhook: 'HMAC-SHA256 key shared with the e-signature provider (POST /applications).',
  billingWebhook: 'Signing secret shared with the billing provider (POST /webhooks/billing).',
};

/** One generated Secrets Manager secret per webhook secret the registry names. */
export class WebhookSecrets extends Construct {
  readonly secrets: Readonly<Partial<Record<SecretName, secretsmanager.ISecret>>>;

  constructor(scope: Construct, id: string, props: WebhookSecretsProps) {
    super(scope, id);
    const secrets: Partial<Record<SecretName, secretsmanager.ISecret>> = {};
    for (const name of new Set(props.names)) {
      const secret = new secretsmanager.Secret(this, name, {
        description: DESCRIPTIONS[name],
        generateSecretString: { passwordLength: 48, excludePunctuation: true },
        removalPolicy: RemovalPolicy.RETAIN,
      });
      Validations.of(secret).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason:
          'A webhook signing key is shared with an external sender; rotating it needs the sender to switch at the same moment, so it is rotated by the documented manual procedure (docs/operations.md), not by a rotation Lambda.',
      });
      secrets[name] = secret;
    }
    this.secrets = secrets;
  }
}
