import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AuthStack } from './auth-stack';

/** Reads a boolean context value given as `-c name=true` or in cdk.json. */
function flag(app: App, name: string): boolean {
  const value: unknown = app.node.tryGetContext(name);
  return value === true || value === 'true';
}

/**
 * Adds the backend stack to `app` from its context (`mockMode`,
 * `threatProtection`, `waf`, `sesFromAddress`, `refreshTokenRotation`, `mfaRequired`,
 * `stackName`) and turns on cdk-nag: any finding that is
 * not acknowledged (with a reason, beside its resource) fails synth.
 */
export function configureApp(app: App): AuthStack {
  const stack = new AuthStack(app, app.node.tryGetContext('stackName') ?? 'CognitoAccountBackend', {
    description: 'Cognito account backend: user pool, tables, REST API, one Lambda per operation',
    mockMode: flag(app, 'mockMode'),
    threatProtection: flag(app, 'threatProtection'),
    waf: flag(app, 'waf'),
    refreshTokenRotation: flag(app, 'refreshTokenRotation'),
    mfaRequired: flag(app, 'mfaRequired'),
    ...(typeof app.node.tryGetContext('sesFromAddress') === 'string'
      ? { sesFromAddress: app.node.tryGetContext('sesFromAddress') as string }
      : {}),
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}
