import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { TableKey } from '../../lambdas/core/tables';
import type { TriggerDefinition } from '../../lambdas/core/trigger/definition';
import type { TableRef } from './data';
import { presetFunction, tableGrants, type VpcPlacement } from './lambda-preset';
import { type SecretRefs, secretGrants } from './shared-secrets';

/** Props of one Cognito trigger's function. */
export interface TriggerFunctionProps {
  readonly definition: TriggerDefinition;
  /** The pool ARN, for the trigger's Cognito actions only (never in the environment). */
  readonly userPoolArn: string;
  readonly tables: Readonly<Record<TableKey, TableRef>>;
  /** The stack's shared secrets (those the row reads). @default none */
  readonly secrets?: SecretRefs;
  /**
   * The verified SES sender, for rows that send email themselves
   * (`sendsEmail`): `ses:SendEmail` on that identity (address and domain) only.
   * @default - none: such a trigger cannot send (passwordless sign-in needs it)
   */
  readonly sesFromAddress?: string;
  /** @default false */
  readonly mockMode?: boolean;
  /** Run in these subnets (the legacy database's VPC). @default - not in a VPC */
  readonly vpc?: VpcPlacement;
}

/**
 * A Cognito user pool trigger's function. Wiring a trigger must not make the
 * pool depend on itself (aws/aws-cdk#7016): the pool's LambdaConfig points at
 * the function, so
 * - the environment names no pool or client id (handlers read `event.userPoolId`);
 * - Cognito actions go to a separate `iam.Policy` on the role, which the
 *   function does not depend on, instead of the role's default policy, which it does.
 * Cognito waits at most 5 seconds for a trigger, so that is the timeout.
 */
export class TriggerFunction extends Construct {
  readonly function: lambda.IFunction;
  /** Its log group (the monitoring's metric filters read it). */
  readonly logGroup: logs.ILogGroup;

  constructor(scope: Construct, id: string, props: TriggerFunctionProps) {
    super(scope, id);
    const { definition } = props;
    const tables = tableGrants(definition.permissions.tables, props.tables);
    const secrets = secretGrants(
      `Trigger ${definition.name}`,
      definition.permissions.secrets,
      props.secrets ?? {},
    );
    const { fn, role, logGroup } = presetFunction(this, {
      entry: definition.entry,
      description: `Cognito ${definition.trigger} trigger: ${definition.summary}`,
      roleDescription: `Runs the ${definition.name} Cognito trigger`,
      environment: {
        ...tables.environment,
        ...secrets.environment,
        ...(definition.permissions.sendsEmail && props.sesFromAddress
          ? { SES_FROM_ADDRESS: props.sesFromAddress }
          : {}),
      },
      timeout: Duration.seconds(5),
      mockMode: props.mockMode ?? false,
      ...(props.vpc ? { vpc: props.vpc } : {}),
    });
    for (const statement of [...tables.statements, ...secrets.statements])
      role.addToPrincipalPolicy(statement);
    if (definition.permissions.sendsEmail && props.sesFromAddress) {
      const stack = Stack.of(this);
      const domain = props.sesFromAddress.split('@')[1] ?? props.sesFromAddress;
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [props.sesFromAddress, domain].map((identity) =>
            stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity }),
          ),
        }),
      );
    }

    const cognitoActions = definition.permissions.cognito ?? [];
    if (cognitoActions.length > 0) {
      new iam.Policy(this, 'CognitoPolicy', {
        roles: [role],
        statements: [
          new iam.PolicyStatement({ actions: [...cognitoActions], resources: [props.userPoolArn] }),
        ],
      });
    }
    this.function = fn;
    this.logGroup = logGroup;
  }
}
