import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { TriggerDefinition } from '../../lambdas/core/trigger/definition';
import { TRIGGER_LIST, TRIGGERS } from '../../lambdas/triggers';
import { configureApp } from '../../lib/app';
import { Data } from '../../lib/constructs/data';
import { Identity } from '../../lib/constructs/identity';
import { TriggerFunction } from '../../lib/constructs/trigger-function';
import { CUSTOM_RESOURCE_PROVIDER, ourFunctions } from '../support/functions';
import { dependencyCycles } from './cycles';

function synth(context: Record<string, unknown> = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stack = configureApp(app);
  app.synth(); // cdk-nag runs here and throws on any unacknowledged finding
  return Template.fromStack(stack);
}

/** A legacy database secret ARN (the UserMigration trigger is opt-in). */
const LEGACY_SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:legacy-db-AbC123';
// Every trigger row, the opt-in UserMigration included.
const template = synth({ legacyDatabaseSecretArn: LEGACY_SECRET_ARN });
const resources = template.toJSON().Resources as Parameters<typeof dependencyCycles>[0];

/** The function resources of one trigger row, found by their construct path. */
function triggerFunction(name: string) {
  const [entry] = Object.entries(ourFunctions(template)).filter(([id]) =>
    id.startsWith(`Trigger${name}Function`),
  );
  if (!entry) throw new Error(`no function for trigger ${name}`);
  return entry;
}

describe('the dependency-cycle check', () => {
  it('finds a cycle, naming the resources on it', () => {
    const cycles = dependencyCycles({
      Pool: { Properties: { LambdaConfig: { CustomMessage: { 'Fn::GetAtt': ['Fn', 'Arn'] } } } },
      Fn: { Properties: { Environment: { Variables: { POOL: { Ref: 'Pool' } } } } },
      Table: { Properties: {} },
    });
    expect(cycles).toEqual([['Pool', 'Fn', 'Pool']]);
  });

  it('catches the obvious wiring: a trigger with the pool id in its environment', () => {
    // CDK warns about this very cycle on the console; the warning is the point here.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const stack = new Stack(new App(), 'Wrong');
    const pool = new cognito.UserPool(stack, 'Pool');
    const fn = new lambda.Function(stack, 'Fn', {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async (e) => e'),
      environment: { COGNITO_USER_POOL_ID: pool.userPoolId },
    });
    pool.addTrigger(cognito.UserPoolOperation.CUSTOM_MESSAGE, fn);

    // CDK's own assertion library would refuse this template; read it raw.
    const wrong = Template.fromStack(stack, { skipCyclicalDependenciesCheck: true }).toJSON().Resources;
    expect(dependencyCycles(wrong).length).toBeGreaterThan(0);
    jest.restoreAllMocks();
  });

  it('finds none in the stack', () => {
    expect(dependencyCycles(resources)).toEqual([]);
  });

  it('finds none when a trigger has Cognito actions (kept out of the default policy)', () => {
    const stack = new Stack(new App(), 'WithActions', {});
    const identity = new Identity(stack, 'Identity');
    const data = new Data(stack, 'Data');
    const definition: TriggerDefinition = {
      name: 'probe',
      trigger: 'PostConfirmation',
      entry: TRIGGERS.customMessage.entry,
      summary: 'a trigger that calls the pool',
      permissions: { cognito: ['cognito-idp:AdminUpdateUserAttributes'], tables: { users: ['UpdateItem'] } },
    };
    const trigger = new TriggerFunction(stack, 'Trigger-probe', {
      definition,
      userPoolArn: identity.userPool.userPoolArn,
      tables: data.tables,
    });
    identity.addTrigger(definition, trigger.function);

    const synthesized = Template.fromStack(stack);
    expect(dependencyCycles(synthesized.toJSON().Resources)).toEqual([]);
    const policies = Object.values(synthesized.findResources('AWS::IAM::Policy')).map(
      (p) => p.Properties.PolicyDocument.Statement,
    );
    expect(policies).toContainEqual([
      expect.objectContaining({
        Action: 'cognito-idp:AdminUpdateUserAttributes',
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^IdentityUserPool/), 'Arn'] },
      }),
    ]);
  });
});

describe('the trigger functions', () => {
  it.each(TRIGGER_LIST.map((t) => [t.name, t] as const))(
    '%s is attached to the pool and invocable by Cognito from this pool only',
    (name, definition) => {
      const [id] = triggerFunction(name);
      template.hasResourceProperties('AWS::Cognito::UserPool', {
        LambdaConfig: { [definition.trigger]: { 'Fn::GetAtt': [id, 'Arn'] } },
      });
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        Principal: 'cognito-idp.amazonaws.com',
        FunctionName: { 'Fn::GetAtt': [id, 'Arn'] },
        SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^IdentityUserPool'), 'Arn'] },
      });
    },
  );

  it.each(TRIGGER_LIST.map((t) => [t.name] as const))(
    '%s carries no pool or client id, and answers within the 5 s Cognito waits',
    (name) => {
      const [, fn] = triggerFunction(name);
      const env = fn.Properties.Environment.Variables as Record<string, unknown>;
      expect(Object.keys(env)).not.toEqual(expect.arrayContaining(['COGNITO_USER_POOL_ID']));
      expect(Object.keys(env)).not.toEqual(expect.arrayContaining(['COGNITO_CLIENT_ID']));
      expect(fn.Properties.Timeout).toBe(5);
    },
  );
});

describe('the UserMigration trigger (opt-in: -c legacyDatabaseSecretArn=...)', () => {
  it('is not deployed without a legacy database', () => {
    const plain = synth();
    const config = Object.values(plain.findResources('AWS::Cognito::UserPool'))[0]?.Properties.LambdaConfig;
    expect(Object.keys(config)).not.toContain('UserMigration');
    expect(Object.keys(ourFunctions(plain)).join()).not.toMatch(/userMigration/);
  });

  it('reads exactly the given secret, with its ARN in the environment, and is in no VPC by default', () => {
    const [id, fn] = triggerFunction('userMigration');
    expect(fn.Properties.Environment.Variables).toMatchObject({
      LEGACY_DATABASE_SECRET_ARN: LEGACY_SECRET_ARN,
    });
    expect(fn.Properties.VpcConfig).toBeUndefined();
    const role = fn.Properties.Role['Fn::GetAtt'][0];
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === role))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(
      statements.filter((s) => s.Action !== 'logs:CreateLogStream' && !`${s.Action}`.startsWith('logs:')),
    ).toEqual([{ Action: 'secretsmanager:GetSecretValue', Effect: 'Allow', Resource: LEGACY_SECRET_ARN }]);
    expect(id).toMatch(/^TriggeruserMigrationFunction/);
  });

  it('runs in the given subnets and security groups, with only the VPC access policy added', () => {
    const placed = synth({
      legacyDatabaseSecretArn: LEGACY_SECRET_ARN,
      legacySubnetIds: 'subnet-0123456789abcdef0,subnet-0123456789abcdef1',
      legacySecurityGroupIds: 'sg-0123456789abcdef0',
    });
    const functions = Object.entries(ourFunctions(placed));
    const inVpc = functions.filter(([, fn]) => fn.Properties.VpcConfig).map(([id]) => id);
    expect(inVpc).toEqual([expect.stringMatching(/^TriggeruserMigrationFunction/)]);
    const [, fn] = functions.find(([id]) => id === inVpc[0]) ?? [];
    expect(fn?.Properties.VpcConfig).toEqual({
      SubnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
      SecurityGroupIds: ['sg-0123456789abcdef0'],
    });
    const managed = Object.entries(placed.findResources('AWS::IAM::Role'))
      .filter(([id]) => !id.includes('CloudWatchRole')) // API Gateway's account logging role
      .filter(([id]) => !id.startsWith(CUSTOM_RESOURCE_PROVIDER)) // CDK's provider: basic execution only
      .flatMap(([, r]) => r.Properties.ManagedPolicyArns ?? []);
    expect(JSON.stringify(managed)).toMatch(/AWSLambdaVPCAccessExecutionRole/);
    expect(managed).toHaveLength(1);
  });

  it('refuses a partial secret ARN, and subnets without security groups', () => {
    expect(() =>
      synth({ legacyDatabaseSecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:legacy-db' }),
    ).toThrow(/complete secret ARN/);
    expect(() =>
      synth({ legacyDatabaseSecretArn: LEGACY_SECRET_ARN, legacySubnetIds: 'subnet-0123456789abcdef0' }),
    ).toThrow(/go together/);
  });
});
