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
import { dependencyCycles } from './cycles';

function synth(context: Record<string, unknown> = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stack = configureApp(app);
  app.synth(); // cdk-nag runs here and throws on any unacknowledged finding
  return Template.fromStack(stack);
}

const template = synth();
const resources = template.toJSON().Resources as Parameters<typeof dependencyCycles>[0];

/** The function resources of one trigger row, found by their construct path. */
function triggerFunction(name: string) {
  const [entry] = Object.entries(template.findResources('AWS::Lambda::Function')).filter(([id]) =>
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
