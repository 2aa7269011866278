import * as path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { OperationDefinition } from '../../lambdas/core/operation-definition';
import type { SecretName } from '../../lambdas/core/ports/secret-source';
import { TABLES, type TableKey } from '../../lambdas/core/tables';
import { functionBundling } from './bundling';
import type { TableRef } from './data';

export const LAMBDAS_DIR = path.join(__dirname, '..', '..', 'lambdas');

const SECRET_ENV: Record<SecretName, string> = {
  applicationWebhook: 'APPLICATION_WEBHOOK_SECRET_ARN',
  billingWebhook: 'BILLING_WEBHOOK_SECRET_ARN',
};

/** Props of one operation's function. */
export interface OperationFunctionProps {
  readonly definition: OperationDefinition;
  readonly userPool: cognito.IUserPool;
  readonly userPoolClient: cognito.IUserPoolClient;
  readonly tables: Readonly<Record<TableKey, TableRef>>;
  readonly secrets: Readonly<Partial<Record<SecretName, secretsmanager.ISecret>>>;
  /**
   * Run on the in-memory fakes (MOCK_MODE=true) instead of AWS.
   * @default false
   */
  readonly mockMode?: boolean;
}

/**
 * The one NodejsFunction preset: nodejs24.x on arm64, minified with source
 * maps, its own log group with a retention, and a role that holds exactly the
 * actions its registry row lists, on exact ARNs (no `*` resources, no
 * managed policies).
 */
export class OperationFunction extends Construct {
  readonly function: lambda.IFunction;

  constructor(scope: Construct, id: string, props: OperationFunctionProps) {
    super(scope, id);
    const { definition, tables } = props;
    const mockMode = props.mockMode ?? false;

    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_MONTH });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${definition.name} operation`,
    });
    logGroup.grantWrite(role);

    const environment: Record<string, string> = {
      MOCK_MODE: String(mockMode),
      COGNITO_USER_POOL_ID: props.userPool.userPoolId,
      COGNITO_CLIENT_ID: props.userPoolClient.userPoolClientId,
      NODE_OPTIONS: '--enable-source-maps',
    };

    const cognitoActions = definition.permissions.cognito ?? [];
    if (cognitoActions.length > 0) {
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: [...cognitoActions], resources: [props.userPool.userPoolArn] }),
      );
    }

    for (const [key, actions] of Object.entries(definition.permissions.tables ?? {}) as [
      TableKey,
      readonly string[],
    ][]) {
      const ref = tables[key];
      const resources = [ref.table.tableArn];
      if (actions.includes('Query')) {
        resources.push(...ref.indexNames.map((name) => `${ref.table.tableArn}/index/${name}`));
      }
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: actions.map((a) => `dynamodb:${a}`), resources }),
      );
      environment[TABLES[key].envVar] = ref.table.tableName;
    }

    for (const name of definition.permissions.secrets ?? []) {
      const secret = props.secrets[name];
      if (!secret)
        throw new Error(
          `Operation ${definition.name} reads secret "${name}", which the stack did not create.`,
        );
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['secretsmanager:GetSecretValue'],
          resources: [secret.secretArn],
        }),
      );
      environment[SECRET_ENV[name]] = secret.secretArn;
    }

    this.function = new nodejs.NodejsFunction(this, 'Function', {
      entry: path.join(LAMBDAS_DIR, definition.entry),
      handler: 'handler',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 256,
      timeout: Duration.seconds(10),
      description: `${definition.method} ${definition.path}: ${definition.summary}`.slice(0, 256),
      role,
      logGroup,
      environment,
      bundling: functionBundling(mockMode),
    });
  }
}
