import { RemovalPolicy, type SecretValue, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { appClientSecret, providedSecret, SECRETS, type SecretName } from '../../lambdas/core/secrets';

/** Props of the shared secrets construct. */
export interface SharedSecretsProps {
  /** The secrets the operations and triggers read (from the registries). */
  readonly names: readonly SecretName[];
  /** The complete ARNs of the secrets the team brings (catalogue entries marked `provided`). */
  readonly provided?: Readonly<Partial<Record<SecretName, string>>>;
  /** The app client's secret (Cognito-generated), stored for the entries marked `fromAppClient`. */
  readonly appClientSecret?: SecretValue;
}

export type SecretRefs = Readonly<Partial<Record<SecretName, secretsmanager.ISecret>>>;

/**
 * One generated Secrets Manager secret per catalogue entry (lambdas/core/secrets.ts) a registry
 * row reads; an entry the team brings (`provided`) is imported by its complete ARN instead.
 */
export class SharedSecrets extends Construct {
  readonly secrets: SecretRefs;

  constructor(scope: Construct, id: string, props: SharedSecretsProps) {
    super(scope, id);
    const secrets: Partial<Record<SecretName, secretsmanager.ISecret>> = {};
    for (const name of new Set(props.names)) {
      if (providedSecret(name)) {
        const arn = props.provided?.[name];
        if (!arn) throw new Error(`Secret "${name}" is brought by the team: its ARN is a stack prop.`);
        secrets[name] = secretsmanager.Secret.fromSecretCompleteArn(this, name, arn);
        continue;
      }
      const fromClient = appClientSecret(name);
      if (fromClient && !props.appClientSecret)
        throw new Error(`Secret "${name}" needs the app client's secret.`);
      const secret = new secretsmanager.Secret(this, name, {
        description: SECRETS[name].description,
        ...(fromClient
          ? { secretStringValue: props.appClientSecret }
          : { generateSecretString: { passwordLength: 48, excludePunctuation: true } }),
        // A copy of the client's secret goes with the stack; generated keys are kept.
        removalPolicy: fromClient ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
      });
      Validations.of(secret).acknowledge({ id: 'AwsSolutions-SMG4', reason: SECRETS[name].rotation });
      secrets[name] = secret;
    }
    this.secrets = secrets;
  }
}

/** `GetSecretValue` on exactly the named secrets, and their ARNs for the function's environment. */
export function secretGrants(
  owner: string,
  names: readonly SecretName[] | undefined,
  secrets: SecretRefs,
): { statements: iam.PolicyStatement[]; environment: Record<string, string> } {
  const statements: iam.PolicyStatement[] = [];
  const environment: Record<string, string> = {};
  for (const name of names ?? []) {
    const secret = secrets[name];
    if (!secret) throw new Error(`${owner} reads secret "${name}", which the stack did not create.`);
    statements.push(
      new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }),
    );
    environment[SECRETS[name].arnEnv] = secret.secretArn;
  }
  return { statements, environment };
}
