import * as path from 'node:path';
import { type CfnElement, type Duration, Lazy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { DynamoAction } from '../../lambdas/core/iam';
import { TABLES, type TableKey } from '../../lambdas/core/tables';
import { functionBundling } from './bundling';
import type { TableRef } from './data';

export const LAMBDAS_DIR = path.join(__dirname, '..', '..', 'lambdas');

/**
 * NODE_OPTIONS of every function. `--enable-source-maps` stays: on Node 24
 * (nodejs24.x) it changes a cold start by at most a few percent (noise) and
 * ~0.2 MiB, because the map is only parsed when a stack trace is formatted; on
 * Node 20 it added 15-28 %
 * (docs/benchmarks.md, "Source maps at runtime"; docs/decisions/0026-source-maps.md).
 */
export const DEPLOYED_NODE_OPTIONS: string = '--enable-source-maps';

/** What every function of the stack is made of. */
export interface PresetFunctionProps {
  /** Handler file relative to `lambdas/`. */
  readonly entry: string;
  readonly description: string;
  readonly roleDescription: string;
  readonly environment: Record<string, string>;
  readonly timeout: Duration;
  readonly mockMode: boolean;
  /** Subnets and security groups to run in. @default - not in a VPC */
  readonly vpc?: VpcPlacement;
}

/** Existing subnets and security groups a function runs in. */
export interface VpcPlacement {
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
}

/**
 * The shared function preset, as children `Logs`, `Role` and `Function` of
 * `scope`: nodejs24.x on arm64, bundled with the one set of esbuild options,
 * its own log group with a retention, and a role with no managed policy;
 * callers add exactly the statements a registry row lists.
 */
export function presetFunction(
  scope: Construct,
  props: PresetFunctionProps,
): { fn: nodejs.NodejsFunction; role: iam.Role; logGroup: logs.ILogGroup } {
  const logGroup = new logs.LogGroup(scope, 'Logs', { retention: logs.RetentionDays.ONE_MONTH });
  const role = new iam.Role(scope, 'Role', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: props.roleDescription,
  });
  logGroup.grantWrite(role);
  const fn = new nodejs.NodejsFunction(scope, 'Function', {
    entry: path.join(LAMBDAS_DIR, props.entry),
    handler: 'handler',
    runtime: lambda.Runtime.NODEJS_24_X,
    architecture: lambda.Architecture.ARM_64,
    memorySize: 256,
    timeout: props.timeout,
    description: props.description.slice(0, 256),
    role,
    logGroup,
    environment: {
      MOCK_MODE: String(props.mockMode),
      ...(DEPLOYED_NODE_OPTIONS ? { NODE_OPTIONS: DEPLOYED_NODE_OPTIONS } : {}),
      ...props.environment,
    },
    bundling: functionBundling(props.mockMode),
  });
  if (props.vpc) placeInVpc(fn, role, props.vpc);
  dependOnPoliciesOnly(fn, role);
  return { fn, role, logGroup };
}

/**
 * The function resource waits for its role's policies (so it never runs
 * without its permissions), but not for the role itself: `Role: {GetAtt}`
 * already orders that, and CDK's extra `DependsOn` on the role is what
 * cfn-lint reports as W3005 on every function.
 */
function dependOnPoliciesOnly(fn: lambda.Function, role: iam.Role): void {
  const cfnFunction = fn.node.defaultChild as lambda.CfnFunction;
  cfnFunction.addOverride(
    'DependsOn',
    Lazy.list({
      produce: () =>
        role.node
          .findAll()
          .filter((c): c is iam.CfnPolicy => c instanceof iam.CfnPolicy)
          .map((policy) => Stack.of(policy).getLogicalId(policy as CfnElement)),
    }),
  );
}

/**
 * Places a function in existing subnets (set on the CloudFormation resource:
 * no VPC lookup at synth). Lambda creates its network interfaces with the
 * function's role, so the role gets AWS's managed AWSLambdaVPCAccessExecutionRole
 * (EC2 network-interface actions, which do not all take resource ARNs) —
 * only a function placed in a VPC.
 */
function placeInVpc(fn: nodejs.NodejsFunction, role: iam.Role, placement: VpcPlacement): void {
  role.addManagedPolicy(
    iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaVPCAccessExecutionRole'),
  );
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]',
    reason:
      'AWSLambdaVPCAccessExecutionRole is what Lambda documents for a function in a VPC: the network-interface actions it needs (DescribeNetworkInterfaces takes no resource ARN). Only the VPC-placed migration trigger has it.',
  });
  (fn.node.defaultChild as lambda.CfnFunction).vpcConfig = {
    subnetIds: [...placement.subnetIds],
    securityGroupIds: [...placement.securityGroupIds],
  };
}

/**
 * DynamoDB grants of a registry row: exactly its actions on each table's ARN
 * (and, with `Query`, on its indexes), plus the table-name environment.
 */
export function tableGrants(
  grants: { readonly [T in TableKey]?: readonly DynamoAction[] } | undefined,
  tables: Readonly<Record<TableKey, TableRef>>,
): { statements: iam.PolicyStatement[]; environment: Record<string, string> } {
  const statements: iam.PolicyStatement[] = [];
  const environment: Record<string, string> = {};
  for (const [key, actions] of Object.entries(grants ?? {}) as [TableKey, readonly DynamoAction[]][]) {
    const ref = tables[key];
    const resources = [ref.table.tableArn];
    if (actions.includes('Query')) {
      resources.push(...ref.indexNames.map((name) => `${ref.table.tableArn}/index/${name}`));
    }
    statements.push(new iam.PolicyStatement({ actions: actions.map((a) => `dynamodb:${a}`), resources }));
    environment[TABLES[key].envVar] = ref.table.tableName;
  }
  return { statements, environment };
}
