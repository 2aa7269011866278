import type { App } from 'aws-cdk-lib';
import { dev } from './dev';
import { prod } from './prod';

/**
 * An environment's deployment, as code: the context flags of docs/deploy.md
 * it sets, typed. `-c env=<name>` selects one; a flag given on the command
 * line (or in cdk.json) still wins, for one-offs.
 */
export interface EnvironmentConfig {
  /** The stack's name: every account-wide name, the API's name and the metric namespace derive from it. */
  stackName: string;
  waf?: boolean;
  threatProtection?: boolean;
  refreshTokenRotation?: boolean;
  mfaRequired?: boolean;
  apiGatewayCloudWatchRole?: boolean;
  sesFromAddress?: string;
  legacyDatabaseSecretArn?: string;
  legacySubnetIds?: string;
  legacySecurityGroupIds?: string;
  corsOrigins?: string;
  passkeyRpId?: string;
  passkeyUserVerification?: 'preferred' | 'required';
}

/** The environments of this repository, by the name `-c env=` takes. */
export const ENVIRONMENTS: Readonly<Record<string, EnvironmentConfig>> = { dev, prod };

/** Puts the chosen environment's flags into the app's context, under any flag given explicitly. */
export function applyEnvironment(app: App, name: unknown): void {
  if (name === undefined) return;
  const config = ENVIRONMENTS[String(name)];
  if (!config)
    throw new Error(
      `env: "${String(name)}" is not an environment of lib/environments/ (${Object.keys(ENVIRONMENTS).join(', ')}).`,
    );
  for (const [key, value] of Object.entries(config))
    if (app.node.tryGetContext(key) === undefined) app.node.setContext(key, value);
}
