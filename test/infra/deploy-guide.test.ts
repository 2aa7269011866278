import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { configureApp } from '../../lib/app';

/**
 * docs/deploy.md walked where a test can: its flag table is the set of flags
 * lib/app.ts reads, each row's example (and all of them together)
 * synthesizes with cdk-nag passing, and its two environments share no
 * resource name.
 */
const root = path.join(__dirname, '..', '..');
const guide = readFileSync(path.join(root, 'docs', 'deploy.md'), 'utf8');
const rows = [...guide.matchAll(/^\| `(\w+)` \| [^|]+ \| `([^`]+)` \|/gm)].map(([, flag, example]) => ({
  flag: flag as string,
  context: Object.fromEntries(
    [...(example as string).matchAll(/-c (\w+)=(\S+)/g)].map(([, k, v]) => [k as string, v as string]),
  ),
}));

function synth(context: Record<string, string>) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stack = configureApp(app);
  return app.synth().getStackByName(stack.stackName).template as {
    Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
  };
}

describe('docs/deploy.md', () => {
  it('lists exactly the context flags lib/app.ts reads', () => {
    const source = readFileSync(path.join(root, 'lib', 'app.ts'), 'utf8');
    const read = new Set(
      [...source.matchAll(/(?:tryGetContext\(|flag\(app,|flagOnByDefault\(app,|list\(app,)\s*'(\w+)'/g)].map(
        ([, name]) => name,
      ),
    );
    expect(rows.map((r) => r.flag).sort()).toEqual([...read].sort());
  });

  it.each(rows.map((r) => [r.flag, r.context] as const))(
    'synthesizes with the example of %s',
    (flag, context) => {
      expect(Object.keys(context)).toContain(flag);
      expect(() => synth(context)).not.toThrow();
    },
    60_000,
  );

  it('synthesizes with every example together (mfaRequired and the passkey flags in turn: Cognito refuses them together)', () => {
    const passkeyFlags = ['passkeyRpId', 'passkeyUserVerification'];
    const together = (left: string[]) =>
      Object.assign(
        {},
        ...rows.filter((r) => r.flag !== 'mockMode' && !left.includes(r.flag)).map((r) => r.context),
      );
    expect(() => synth(together(['mfaRequired']))).not.toThrow();
    expect(() => synth(together(passkeyFlags))).not.toThrow();
    expect(() => synth({ ...together([]) })).toThrow(/passkeyRpId: .*mfaRequired/);
  }, 60_000);

  it('gives two stacks in one account no account-wide name in common', () => {
    // Names unique per account and region: each must be left to CloudFormation (which builds
    // it from the stack's name) or built from the stack's name; a literal one would collide.
    const UNIQUE: Record<string, string> = {
      'AWS::DynamoDB::Table': 'TableName',
      'AWS::Cognito::UserPool': 'UserPoolName',
      'AWS::Lambda::Function': 'FunctionName',
      'AWS::SecretsManager::Secret': 'Name',
      'AWS::SNS::Topic': 'TopicName',
      'AWS::Logs::LogGroup': 'LogGroupName',
      'AWS::IAM::Role': 'RoleName',
      'AWS::WAFv2::WebACL': 'Name',
      'AWS::CloudWatch::Alarm': 'AlarmName',
      'AWS::KMS::Alias': 'AliasName',
    };
    const named = (stackName: string) => {
      const resources = Object.values(synth({ stackName }).Resources);
      return {
        types: new Set(resources.map((r) => r.Type).filter((type) => type in UNIQUE)),
        names: resources.flatMap((r) => {
          const value = UNIQUE[r.Type] ? r.Properties?.[UNIQUE[r.Type] as string] : undefined;
          return value === undefined ? [] : [`${r.Type}=${JSON.stringify(value)}`];
        }),
      };
    };
    const dev = named('AccountsDev');
    const prod = new Set(named('AccountsProd').names);
    // The check covers the stack's tables, pool, functions, secrets, topic and roles.
    expect(dev.types.size).toBeGreaterThanOrEqual(6);
    expect(dev.names.filter((name) => prod.has(name))).toEqual([]);
  }, 60_000);

  it('keeps two environments apart where CloudWatch keys: the API name (the 5xx alarm) and the metric namespace', () => {
    const keys = (stackName: string) => {
      const resources = Object.values(synth({ stackName }).Resources) as Array<{
        Type: string;
        Properties?: Record<string, unknown>;
      }>;
      const api = resources.find((r) => r.Type === 'AWS::ApiGateway::RestApi')?.Properties?.Name;
      const namespaces = resources
        .filter((r) => r.Type === 'AWS::Logs::MetricFilter')
        .flatMap((r) =>
          ((r.Properties?.MetricTransformations ?? []) as Array<{ MetricNamespace: string }>).map(
            (m) => m.MetricNamespace,
          ),
        );
      return { api, namespaces: [...new Set(namespaces)] };
    };
    expect(keys('AccountsDev')).toEqual({
      api: 'AccountsDev',
      namespaces: ['CognitoAccountBackend/AccountsDev'],
    });
    expect(keys('AccountsProd')).toEqual({
      api: 'AccountsProd',
      namespaces: ['CognitoAccountBackend/AccountsProd'],
    });
  }, 60_000);
});
