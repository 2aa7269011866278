import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AuthStack, type AuthStackProps } from './auth-stack';
import { applyEnvironment } from './environments';

/** Reads a boolean context value given as `-c name=true` or in cdk.json. */
function flag(app: App, name: string): boolean {
  const value: unknown = app.node.tryGetContext(name);
  return value === true || value === 'true';
}

/** A context flag that is on unless turned off (`-c name=false`). */
function flagOnByDefault(app: App, name: string): boolean {
  const value: unknown = app.node.tryGetContext(name);
  return !(value === false || value === 'false');
}

/** A comma-separated context list (`-c legacySubnetIds=subnet-a,subnet-b`). */
function list(app: App, name: string): string[] {
  const value: unknown = app.node.tryGetContext(name);
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : [];
}

/** `-c legacyDatabaseSecretArn=...` (and optionally `legacySubnetIds` with `legacySecurityGroupIds`). */
function legacyDatabase(app: App): Pick<AuthStackProps, 'legacyDatabase'> {
  const secretArn: unknown = app.node.tryGetContext('legacyDatabaseSecretArn');
  if (typeof secretArn !== 'string' || !secretArn) return {};
  if (!/^arn:aws[\w-]*:secretsmanager:[\w-]+:\d{12}:secret:.+-[A-Za-z0-9]{6}$/.test(secretArn))
    throw new Error(
      'legacyDatabaseSecretArn must be the complete secret ARN (ending in its 6-character suffix).',
    );
  const vpc = {
    subnetIds: list(app, 'legacySubnetIds'),
    securityGroupIds: list(app, 'legacySecurityGroupIds'),
  };
  if (vpc.subnetIds.length === 0 && vpc.securityGroupIds.length === 0)
    return { legacyDatabase: { secretArn } };
  if (vpc.subnetIds.length === 0 || vpc.securityGroupIds.length === 0)
    throw new Error('legacySubnetIds and legacySecurityGroupIds go together.');
  return { legacyDatabase: { secretArn, vpc } };
}

/** `-c corsOrigins=https://admin.example.com,...`: exact https origins (http only for localhost). */
function corsOrigins(app: App): Pick<AuthStackProps, 'corsOrigins'> {
  const origins = list(app, 'corsOrigins');
  for (const origin of origins) {
    if (!/^(https:\/\/[a-z0-9.-]+(:\d+)?|http:\/\/(localhost|127\.0\.0\.1)(:\d+)?)$/i.test(origin))
      throw new Error(
        `corsOrigins: "${origin}" is not an exact origin (https://host[:port], no path, no wildcard).`,
      );
  }
  return origins.length > 0 ? { corsOrigins: origins } : {};
}

/**
 * `-c passkeyRpId=example.com` (and `-c passkeyUserVerification=preferred|required`): passkeys as a
 * first factor of USER_AUTH. Refused where Cognito would refuse it, naming the flag.
 */
function passkeys(app: App): Pick<AuthStackProps, 'passkeys'> {
  const rpId: unknown = app.node.tryGetContext('passkeyRpId');
  const verification: unknown = app.node.tryGetContext('passkeyUserVerification');
  if (typeof rpId !== 'string' || !rpId) {
    if (verification !== undefined)
      throw new Error('passkeyUserVerification needs passkeyRpId (the domain passkeys are registered for).');
    return {};
  }
  if (!/^(?=.{1,63}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(rpId))
    throw new Error(
      `passkeyRpId: "${rpId}" is not a domain (a lower-case host name such as example.com: no scheme, port or path; at most 63 characters).`,
    );
  if (verification !== undefined && verification !== 'preferred' && verification !== 'required')
    throw new Error(`passkeyUserVerification: "${String(verification)}" is neither preferred nor required.`);
  if (flag(app, 'mfaRequired'))
    throw new Error(
      'passkeyRpId: Cognito refuses a passwordless first factor (passkeys) in a pool that requires MFA (mfaRequired).',
    );
  return {
    passkeys: {
      relyingPartyId: rpId,
      userVerification: verification === 'required' ? 'required' : 'preferred',
    },
  };
}

/**
 * Adds the backend stack to `app` from its context (`mockMode`,
 * `threatProtection`, `waf`, `sesFromAddress`, `refreshTokenRotation`, `mfaRequired`,
 * `apiGatewayCloudWatchRole`,
 * `legacyDatabaseSecretArn` (+ `legacySubnetIds`, `legacySecurityGroupIds`), `corsOrigins`,
 * `passkeyRpId` (+ `passkeyUserVerification`),
 * `stackName`) and turns on cdk-nag: any finding that is
 * not acknowledged (with a reason, beside its resource) fails synth.
 */
export function configureApp(app: App): AuthStack {
  // -c env=<name>: the environment's flags from lib/environments/ (explicit -c flags win).
  applyEnvironment(app, app.node.tryGetContext('env'));
  const stack = new AuthStack(app, app.node.tryGetContext('stackName') ?? 'CognitoAccountBackend', {
    description: 'Cognito account backend: user pool, tables, REST API, one Lambda per operation',
    mockMode: flag(app, 'mockMode'),
    threatProtection: flag(app, 'threatProtection'),
    // On by default: no single caller may exhaust login or refresh for everyone (-c waf=false: off).
    waf: flagOnByDefault(app, 'waf'),
    refreshTokenRotation: flag(app, 'refreshTokenRotation'),
    mfaRequired: flag(app, 'mfaRequired'),
    // On by default: the stage's logs need it, and a fresh account has none (record 0053).
    apiGatewayCloudWatchRole: flagOnByDefault(app, 'apiGatewayCloudWatchRole'),
    ...legacyDatabase(app),
    ...corsOrigins(app),
    ...passkeys(app),
    ...(typeof app.node.tryGetContext('sesFromAddress') === 'string'
      ? { sesFromAddress: app.node.tryGetContext('sesFromAddress') as string }
      : {}),
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}
