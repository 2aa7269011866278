import { App } from 'aws-cdk-lib';
import { configureApp } from '../../lib/app';
import { EVERY_OPTION } from '../support/stack-variants';

/**
 * A deploy-time rule AWS enforces: a CloudFormation stack holds at most 500
 * resources. The stack with every option on (both ways of combining the ones
 * that exclude each other: MFA required, or passkeys) must stay under it.
 */
const CLOUDFORMATION_LIMIT = 500;

function resourceCount(context: Record<string, string>): number {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stack = configureApp(app);
  const template = app.synth().getStackByName(stack.stackName).template as { Resources: object };
  return Object.keys(template.Resources).length;
}

describe("the stack within CloudFormation's 500 resources", () => {
  it.each([
    ['every option, with MFA required', { ...EVERY_OPTION, mfaRequired: 'true' }],
    ['every option, with passkeys', { ...EVERY_OPTION, passkeyRpId: 'accounts.example.com' }],
  ])(
    '%s',
    (_name, context) => {
      expect(resourceCount(context)).toBeLessThanOrEqual(CLOUDFORMATION_LIMIT);
    },
    120_000,
  );
});
