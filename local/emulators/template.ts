import { App } from 'aws-cdk-lib';
import { configureApp } from '../../lib/app';

export type CfnResource = { Type: string; Properties: Record<string, unknown> };
export type Resources = Record<string, CfnResource>;

/** The stack's resources by logical id, synthesized as bin/app.ts does (bundling skipped). */
export function synthesizedTemplate(): Resources {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = configureApp(app);
  return app.synth().getStackByName(stack.stackName).template.Resources as Resources;
}

export function only(resources: Resources, type: string): CfnResource[] {
  return Object.values(resources).filter((r) => r.Type === type);
}

/** The named properties of `from` that are set, e.g. the CloudFormation keys an SDK call takes unchanged. */
export function pick<T extends object>(from: Record<string, unknown>, keys: readonly string[]): T {
  return Object.fromEntries(keys.filter((k) => from[k] !== undefined).map((k) => [k, from[k]])) as T;
}
