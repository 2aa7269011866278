import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { providedSecret, type SecretName } from '../lambdas/core/secrets';
import { TABLE_KEYS, TABLES } from '../lambdas/core/tables';
import type { TriggerDefinition } from '../lambdas/core/trigger/definition';
import { OPERATION_LIST } from '../lambdas/operations';
import { TRIGGER_LIST } from '../lambdas/triggers';
import { Api } from './constructs/api';
import { Data } from './constructs/data';
import { Identity, type IdentityProps } from './constructs/identity';
import type { VpcPlacement } from './constructs/lambda-preset';
import { Monitoring, type WatchedFunction } from './constructs/monitoring';
import { OperationFunction } from './constructs/operation-function';
import { SharedSecrets } from './constructs/shared-secrets';
import { TriggerFunction } from './constructs/trigger-function';

/** Props of the whole backend. */
export interface AuthStackProps extends StackProps {
  /**
   * Every operation runs on the in-memory fakes (MOCK_MODE=true).
   * @default false
   */
  readonly mockMode?: boolean;
  /**
   * Cognito threat protection (Plus plan).
   * @default false
   */
  readonly threatProtection?: boolean;
  /**
   * A WAF web ACL with a per-IP rate-based rule on the public and webhook routes.
   * @default false
   */
  readonly waf?: boolean;
  /**
   * The pool sends its email through SES from this verified address.
   * @default - Cognito's default sender
   */
  readonly sesFromAddress?: string;
  /**
   * Rotate refresh tokens (each refresh returns a new one).
   * @default false
   */
  readonly refreshTokenRotation?: boolean;
  /**
   * Every user must have TOTP: one without it enrolls at sign-in (MFA_SETUP).
   * @default false (MFA optional; required per user by an admin)
   */
  readonly mfaRequired?: boolean;
  /**
   * Passkeys as a first factor of USER_AUTH, for this relying party (`-c passkeyRpId`).
   * @default - no passkeys
   */
  readonly passkeys?: IdentityProps['passkeys'];
  /**
   * Migrate users from a legacy PostgreSQL at their first sign-in or reset:
   * the UserMigration trigger is deployed and attached, reading the
   * connection from this existing secret (docs/flows/migration.md).
   * @default - no migration trigger
   */
  readonly legacyDatabase?: LegacyDatabaseProps;
  /**
   * Browser origins allowed to call the API (e.g. where the admin console is
   * hosted): CORS preflight on every route, the allowed Origin echoed.
   * @default none: no CORS, same-origin or server-side callers only
   */
  readonly corsOrigins?: readonly string[];
  /**
   * Create API Gateway's account-wide CloudWatch Logs role
   * (`AWS::ApiGateway::Account`): one per account and region, so a second
   * stack in the same account would overwrite it. The stage's logging needs it
   * set once per account and region (docs/operations.md).
   * @default false
   */
  readonly apiGatewayCloudWatchRole?: boolean;
}

/** Where the legacy database is, for the UserMigration trigger. */
export interface LegacyDatabaseProps {
  /** Complete ARN of the secret holding a postgres:// URL or an RDS-managed secret's JSON. */
  readonly secretArn: string;
  /**
   * Run the trigger in these subnets with these security groups (a database
   * without a public endpoint). The subnets need a route to Secrets Manager
   * (a VPC endpoint or NAT).
   * @default - not in a VPC
   */
  readonly vpc?: VpcPlacement;
}

/** The trigger rows a stack with these props deploys: every row, but opt-in ones only with their prop. */
export function deployedTriggers(props: Pick<AuthStackProps, 'legacyDatabase'>): TriggerDefinition[] {
  return TRIGGER_LIST.filter((row) => row.optIn === undefined || props[row.optIn] !== undefined);
}

/** The account backend: wires the constructs, creates one function per registry row. */
export class AuthStack extends Stack {
  constructor(scope: Construct, id: string, props: AuthStackProps = {}) {
    super(scope, id, props);

    const identity = new Identity(this, 'Identity', {
      threatProtection: props.threatProtection ?? false,
      ...(props.sesFromAddress ? { sesFromAddress: props.sesFromAddress } : {}),
      refreshTokenRotation: props.refreshTokenRotation ?? false,
      mfaRequired: props.mfaRequired ?? false,
      ...(props.passkeys ? { passkeys: props.passkeys } : {}),
    });
    const data = new Data(this, 'Data');
    // The construct id stays 'WebhookSecrets': the deployed secrets keep their logical ids.
    const triggers = deployedTriggers(props);
    const sharedSecrets = new SharedSecrets(this, 'WebhookSecrets', {
      names: [...OPERATION_LIST, ...triggers].flatMap((row) => row.permissions.secrets ?? []),
      ...(props.legacyDatabase ? { provided: { legacyDatabase: props.legacyDatabase.secretArn } } : {}),
      appClientSecret: identity.clientSecret,
    });

    const operations = OPERATION_LIST.map((definition) => {
      const fn = new OperationFunction(this, `Op-${definition.name}`, {
        definition,
        userPool: identity.userPool,
        userPoolClient: identity.userPoolClient,
        tables: data.tables,
        secrets: sharedSecrets.secrets,
        mockMode: props.mockMode ?? false,
        refreshTokenRotation: props.refreshTokenRotation ?? false,
        ...(props.sesFromAddress ? { sesFromAddress: props.sesFromAddress } : {}),
        ...(props.corsOrigins?.length ? { corsOrigins: props.corsOrigins } : {}),
      });
      return { definition, function: fn.function, logGroup: fn.logGroup };
    });
    const watched: WatchedFunction[] = operations.map((op) => ({
      name: op.definition.name,
      function: op.function,
      logGroup: op.logGroup,
      runsSaga: op.definition.permissions.tables?.reconciliations !== undefined,
      trigger: false,
    }));

    for (const definition of triggers) {
      const trigger = new TriggerFunction(this, `Trigger-${definition.name}`, {
        definition,
        ...(definition.optIn === 'legacyDatabase' && props.legacyDatabase?.vpc
          ? { vpc: props.legacyDatabase.vpc }
          : {}),
        userPoolArn: identity.userPool.userPoolArn,
        tables: data.tables,
        secrets: sharedSecrets.secrets,
        ...(props.sesFromAddress ? { sesFromAddress: props.sesFromAddress } : {}),
        mockMode: props.mockMode ?? false,
      });
      identity.addTrigger(definition, trigger.function);
      watched.push({
        name: definition.name,
        function: trigger.function,
        logGroup: trigger.logGroup,
        runsSaga: false,
        trigger: true,
      });
    }

    const api = new Api(this, 'Api', {
      userPool: identity.userPool,
      operations,
      waf: props.waf ?? false,
      cloudWatchRole: props.apiGatewayCloudWatchRole ?? true,
      ...(props.corsOrigins?.length ? { corsOrigins: props.corsOrigins } : {}),
    });
    const monitoring = new Monitoring(this, 'Monitoring', {
      restApi: api.restApi,
      functions: watched,
      userPool: { id: identity.userPool.userPoolId, clientId: identity.userPoolClient.userPoolClientId },
      tables: TABLE_KEYS.map((key) => data.tables[key].table),
      sesReputation: props.sesFromAddress !== undefined,
    });

    new CfnOutput(this, 'ApiUrl', { value: api.restApi.url });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: monitoring.topic.topicArn,
      description: 'Subscribe to it to hear of 5xx answers, failed compensations and throttles',
    });
    new CfnOutput(this, 'UserPoolId', { value: identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: identity.userPoolClient.userPoolClientId });
    for (const key of TABLE_KEYS) {
      new CfnOutput(this, `${TABLES[key].constructId}TableName`, {
        value: data.tables[key].table.tableName,
        description: `${TABLES[key].envVar}: ${TABLES[key].description}`,
      });
    }
    for (const [name, secret] of Object.entries(sharedSecrets.secrets)) {
      if (providedSecret(name as SecretName)) continue;
      new CfnOutput(this, `${name}SecretArn`, { value: secret.secretArn });
    }
  }
}
