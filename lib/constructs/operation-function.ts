import { Duration } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { OperationDefinition } from '../../lambdas/core/operation-definition';
import type { TableKey } from '../../lambdas/core/tables';
import type { TableRef } from './data';
import { presetFunction, tableGrants } from './lambda-preset';
import { type SecretRefs, secretGrants } from './shared-secrets';

export { LAMBDAS_DIR } from './lambda-preset';

/** Props of one operation's function. */
export interface OperationFunctionProps {
  readonly definition: OperationDefinition;
  readonly userPool: cognito.IUserPool;
  readonly userPoolClient: cognito.IUserPoolClient;
  readonly tables: Readonly<Record<TableKey, TableRef>>;
  readonly secrets: SecretRefs;
  /**
   * Run on the in-memory fakes (MOCK_MODE=true) instead of AWS.
   * @default false
   */
  readonly mockMode?: boolean;
  /**
   * The app client rotates refresh tokens (REFRESH_TOKEN_ROTATION=true for the adapter).
   * @default false
   */
  readonly refreshTokenRotation?: boolean;
  /** The pool's SES sender; given as SES_FROM_ADDRESS to rows with `needsEmailSender`. @default none */
  readonly sesFromAddress?: string;
  /** Browser origins allowed to call the API (CORS_ALLOWED_ORIGINS). @default none */
  readonly corsOrigins?: readonly string[];
}

/**
 * One HTTP operation's function, on the shared preset (lambda-preset.ts),
 * with a role that holds exactly the actions its registry row lists, on exact
 * ARNs (no `*` resources, no managed policies).
 */
export class OperationFunction extends Construct {
  readonly function: lambda.IFunction;
  /** Its log group (the monitoring's metric filters read it). */
  readonly logGroup: logs.ILogGroup;

  constructor(scope: Construct, id: string, props: OperationFunctionProps) {
    super(scope, id);
    const { definition } = props;
    const statements: iam.PolicyStatement[] = [];
    const environment: Record<string, string> = {
      COGNITO_USER_POOL_ID: props.userPool.userPoolId,
      COGNITO_CLIENT_ID: props.userPoolClient.userPoolClientId,
      ...(props.refreshTokenRotation ? { REFRESH_TOKEN_ROTATION: 'true' } : {}),
      ...(definition.needsEmailSender && props.sesFromAddress
        ? { SES_FROM_ADDRESS: props.sesFromAddress }
        : {}),
      ...(props.corsOrigins?.length ? { CORS_ALLOWED_ORIGINS: props.corsOrigins.join(',') } : {}),
    };

    const tables = tableGrants(definition.permissions.tables, props.tables);
    statements.push(...tables.statements);
    Object.assign(environment, tables.environment);

    const secrets = secretGrants(
      `Operation ${definition.name}`,
      definition.permissions.secrets,
      props.secrets,
    );
    statements.push(...secrets.statements);
    Object.assign(environment, secrets.environment);

    const { fn, role, logGroup } = presetFunction(this, {
      entry: definition.entry,
      description: `${definition.method} ${definition.path}: ${definition.summary}`,
      roleDescription: `Runs the ${definition.name} operation`,
      environment,
      timeout: Duration.seconds(10),
      mockMode: props.mockMode ?? false,
    });
    const cognitoActions = definition.permissions.cognito ?? [];
    // IUserPool.grant: exactly these actions on the pool ARN, in the role's default policy.
    if (cognitoActions.length > 0) props.userPool.grant(role, ...cognitoActions);
    for (const statement of statements) role.addToPrincipalPolicy(statement);
    this.function = fn;
    this.logGroup = logGroup;
  }
}
