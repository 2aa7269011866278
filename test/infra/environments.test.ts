import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { configureApp } from '../../lib/app';
import { ENVIRONMENTS } from '../../lib/environments';

/** Environments as code (lib/environments/): `-c env=<name>` deploys one; an explicit flag wins. */
function synth(context: Record<string, unknown>) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stack = configureApp(app);
  app.synth(); // cdk-nag clean, or it throws
  return { stack, template: Template.fromStack(stack) };
}

describe('environments (-c env=<name>)', () => {
  it.each(Object.keys(ENVIRONMENTS))('%s synthesizes under its own stack name, cdk-nag clean', (name) => {
    const { stack } = synth({ env: name });
    expect(stack.stackName).toBe(ENVIRONMENTS[name]?.stackName);
  });

  it("applies the environment's flags (prod rotates refresh tokens), under any flag given with -c", () => {
    synth({ env: 'prod' }).template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 60 },
    });
    const oneOff = synth({ env: 'prod', stackName: 'AccountsProdCopy', refreshTokenRotation: 'false' });
    expect(oneOff.stack.stackName).toBe('AccountsProdCopy');
    oneOff.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      RefreshTokenRotation: Match.absent(),
    });
  });

  it('refuses an unknown environment, naming the ones there are', () => {
    expect(() => synth({ env: 'staging' })).toThrow(
      /"staging" is not an environment of lib\/environments\/ \(dev, prod\)/,
    );
  });
});
