import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { PASSWORD_POLICY, TEMPORARY_PASSWORD_VALIDITY_DAYS } from '../../lambdas/core/domain/pool-policy';
import { SECURITY_HEADERS } from '../../lambdas/core/http/headers';
import { OPERATION_LIST, OPERATIONS } from '../../lambdas/operations';
import { configureApp } from '../../lib/app';
import { deployedTriggers } from '../../lib/auth-stack';

/** The triggers a stack without opt-ins deploys (no UserMigration: triggers.test.ts covers it). */
const TRIGGER_LIST = deployedTriggers({});

import { METHOD_THROTTLES } from '../../lib/constructs/api';
import { WAF_RATE_LIMIT_PER_5_MIN } from '../../lib/constructs/api-guards';
import { API_5XX_MIN_REQUESTS, API_5XX_PERCENT } from '../../lib/constructs/monitoring';
import {
  MAX_METRICS_PER_ALARM,
  SES_BOUNCE_RATE,
  SES_COMPLAINT_RATE,
} from '../../lib/constructs/service-alarms';
import { CUSTOM_RESOURCE_PROVIDER, ourFunctions } from '../support/functions';

/** Synthesizes the app as bin/app.ts does, with esbuild bundling skipped. */
function synth(context: Record<string, unknown> = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stack = configureApp(app);
  app.synth(); // runs cdk-nag: throws on any unacknowledged finding
  return { app, stack, template: Template.fromStack(stack) };
}

const { template } = synth();

function resourcesOf(type: string) {
  return Object.entries(template.findResources(type));
}

describe('the user pool', () => {
  it('signs in by email, case-insensitively, with the shared password policy and temporary-password validity', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      AutoVerifiedAttributes: ['email'],
      Policies: {
        PasswordPolicy: {
          MinimumLength: PASSWORD_POLICY.minLength,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: TEMPORARY_PASSWORD_VALIDITY_DAYS,
        },
      },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      DeletionProtection: 'ACTIVE',
      // Self sign-up is open for POST /auth/register (docs/decisions/0020-auth-api-first-slice.md: the pool's own door).
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
    });
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('declares the custom attributes, with legacy_id immutable', () => {
    const schema = Object.values(template.findResources('AWS::Cognito::UserPool'))[0]?.Properties
      .Schema as Array<{
      Name: string;
      Mutable: boolean;
    }>;
    const custom = Object.fromEntries(
      schema.filter((a) => a.Name !== 'email' && a.Name !== 'name').map((a) => [a.Name, a.Mutable]),
    );
    expect(custom).toEqual({
      role: true,
      organizationId: true,
      legacy_id: false,
      username: true,
      username_set: true,
    });
  });

  it('has the admin group', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'admin' });
  });

  it('has one confidential app client (a secret: every unauthenticated call needs a SECRET_HASH): password, custom, USER_AUTH and refresh auth, no OAuth, enumeration-safe, revocable', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: Match.arrayEquals([
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_CUSTOM_AUTH',
        'ALLOW_USER_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      ]),
      GenerateSecret: true,
      EnablePropagateAdditionalUserContextData: true,
      AllowedOAuthFlowsUserPoolClient: false,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 43200,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
      AuthSessionValidity: 3,
    });
  });
});

describe('the app client secret', () => {
  it('is stored in Secrets Manager from the client itself, and only the functions that call Cognito without a token read it', () => {
    const secrets = resourcesOf('AWS::SecretsManager::Secret').filter(([id]) => id.includes('appClient'));
    expect(secrets).toHaveLength(1);
    const [[secretId, secret]] = secrets as [[string, { Properties: { SecretString: unknown } }]];
    expect(JSON.stringify(secret.Properties.SecretString)).toContain('UserPoolClient.ClientSecret');
    const readers = OPERATION_LIST.filter((op) => op.permissions.secrets?.includes('appClient')).map(
      (op) => op.name,
    );
    expect(readers.sort()).toEqual(
      [
        'confirmRegistration',
        'handleNewPasswordChallenge',
        'login',
        'refreshTokens',
        'register',
        'requestPasswordReset',
        'resendRegistrationCode',
        'resetPassword',
        'respondToChallenge',
        'signIn',
        'startPasswordless',
        'verifyPasswordless',
      ].sort(),
    );
    for (const [id, fn] of Object.entries(ourFunctions(template))) {
      const reads = readers.some((name) => id.startsWith(`Op${name}Function`));
      expect({
        id,
        arn: fn.Properties.Environment.Variables.COGNITO_CLIENT_SECRET_ARN !== undefined,
      }).toEqual({
        id,
        arn: reads,
      });
    }
    expect(secretId).toMatch(/appClient/);
  });
});

describe('the tables', () => {
  it.each(['Users', 'AdminInfo'])(
    '%s is keyed by userId, encrypted, point-in-time recoverable, protected and retained',
    (name) => {
      const [, table] =
        resourcesOf('AWS::DynamoDB::Table').find(([id]) => id.startsWith(`Data${name}`)) ?? [];
      expect(table).toMatchObject({
        DeletionPolicy: 'Retain',
        Properties: {
          KeySchema: [{ AttributeName: 'userId', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
          SSESpecification: { SSEEnabled: true },
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        },
      });
    },
  );

  it.each(['RateLimits', 'Idempotency'])(
    '%s holds only expiring rows: no point-in-time recovery (its cdk-nag reason says so)',
    (name) => {
      const [, table] =
        resourcesOf('AWS::DynamoDB::Table').find(([id]) => id.startsWith(`Data${name}`)) ?? [];
      expect(table?.Properties.TimeToLiveSpecification).toEqual({
        AttributeName: 'expiresAt',
        Enabled: true,
      });
      expect(table?.Properties.PointInTimeRecoverySpecification).toEqual({
        PointInTimeRecoveryEnabled: false,
      });
    },
  );

  it('indexes Users by email, and by status newest first (the admin lists and the approval queue)', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: [
        {
          IndexName: 'email-index',
          KeySchema: [{ AttributeName: 'email', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'ALL' },
        },
        {
          IndexName: 'status-index',
          KeySchema: [
            { AttributeName: 'status', KeyType: 'HASH' },
            { AttributeName: 'createdAt', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
  });

  it('expires RateLimits counters by TTL', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'key', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });
});

describe('the operation functions', () => {
  const functions = Object.entries(ourFunctions(template));

  it('are one per registry row (operations and triggers), on nodejs24.x, with MOCK_MODE=false by default', () => {
    expect(functions).toHaveLength(OPERATION_LIST.length + TRIGGER_LIST.length);
    for (const [, fn] of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Environment: { Variables: expect.objectContaining({ MOCK_MODE: 'false' }) },
        LoggingConfig: { LogGroup: expect.anything() },
      });
    }
  });

  it('set MOCK_MODE=true on every function with -c mockMode=true', () => {
    const mock = synth({ mockMode: 'true' }).template;
    const envs = Object.values(ourFunctions(mock)).map((f) => f.Properties.Environment.Variables.MOCK_MODE);
    expect(envs).toEqual([...OPERATION_LIST, ...TRIGGER_LIST].map(() => 'true'));
  });

  it('never grant a "*" resource, and use no managed policies', () => {
    for (const [id, policy] of resourcesOf('AWS::IAM::Policy')) {
      for (const statement of policy.Properties.PolicyDocument.Statement) {
        const resources = [statement.Resource].flat();
        expect({ id, resources }).not.toEqual({ id, resources: expect.arrayContaining(['*']) });
      }
    }
    for (const [id, role] of resourcesOf('AWS::IAM::Role')) {
      if (id.includes('CloudWatchRole')) continue; // API Gateway's account logging role
      // CDK's custom-resource provider (reads the app client secret at deploy): basic execution only.
      if (id.startsWith(CUSTOM_RESOURCE_PROVIDER)) continue;
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it.each(OPERATION_LIST.map((op) => [op.name, op] as const))(
    '%s gets exactly the actions its registry row lists',
    (name, op) => {
      const policies = resourcesOf('AWS::IAM::Policy').filter(([id]) => id.startsWith(`Op${name}Role`));
      expect(policies).toHaveLength(1);
      const statements = policies[0]?.[1].Properties.PolicyDocument.Statement as Array<{
        Action: string | string[];
      }>;
      const granted = statements.flatMap((s) => [s.Action].flat()).filter((a) => !a.startsWith('logs:'));
      const expected = [
        ...(op.permissions.cognito ?? []),
        ...Object.values(op.permissions.tables ?? {}).flatMap((actions) =>
          actions.map((a) => `dynamodb:${a}`),
        ),
        ...(op.permissions.secrets ?? []).map(() => 'secretsmanager:GetSecretValue'),
      ];
      // Minimized policies may merge statements across tables: compare the sets of actions.
      expect([...new Set(granted)].sort()).toEqual([...new Set(expected)].sort());
    },
  );

  it('let only the register function and the PreSignUp trigger read the sign-up ticket key', () => {
    const readers = resourcesOf('AWS::IAM::Policy')
      .filter(([, policy]) =>
        (policy.Properties.PolicyDocument.Statement as Array<{ Action: unknown; Resource: unknown }>).some(
          (s) =>
            s.Action === 'secretsmanager:GetSecretValue' &&
            JSON.stringify(s.Resource).includes('signUpTicket'),
        ),
      )
      .map(([id]) => id.replace(/Role.*$/, ''));
    expect(readers.sort()).toEqual(['Opregister', 'TriggerpreSignUp']);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: Match.objectLike({ PreSignUp: Match.anyValue() }),
    });
  });

  it('scope Cognito actions to the pool ARN and Query to the named index', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminGetUser'],
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^IdentityUserPool'), 'Arn'] },
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['dynamodb:Query', 'dynamodb:UpdateItem'],
            Resource: Match.arrayWith([
              {
                'Fn::Join': [
                  '',
                  [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^DataUsers'), 'Arn'] }, '/index/email-index'],
                ],
              },
            ]),
          }),
        ]),
      },
    });
  });
});

describe('the REST API', () => {
  function method(httpMethod: string, path: string) {
    const resources = template.findResources('AWS::ApiGateway::Resource');
    const last = path.split('/').filter(Boolean).at(-1);
    const candidates = Object.entries(
      template.findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: httpMethod } }),
    );
    const found = candidates.find(([, m]) => {
      const ref = m.Properties.ResourceId?.Ref as string | undefined;
      return ref !== undefined && resources[ref]?.Properties.PathPart === last;
    });
    if (!found) throw new Error(`no method ${httpMethod} ${path}`);
    return found[1].Properties;
  }

  it('protects user routes with the Cognito authorizer on access tokens', () => {
    template.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'COGNITO_USER_POOLS',
      IdentitySource: 'method.request.header.Authorization',
    });
    expect(method('GET', OPERATIONS.getProfile.path)).toMatchObject({
      AuthorizationType: 'COGNITO_USER_POOLS',
      AuthorizationScopes: ['aws.cognito.signin.user.admin'],
    });
  });

  it('leaves public and webhook routes without an authorizer; public ones with body validation', () => {
    expect(method(OPERATIONS.login.method, OPERATIONS.login.path)).toMatchObject({
      AuthorizationType: 'NONE',
      RequestValidatorId: expect.anything(),
      RequestModels: { 'application/json': expect.anything() },
    });
    // The webhook's body is validated by its function, after the signature.
    expect(method(OPERATIONS.createCognitoUser.method, OPERATIONS.createCognitoUser.path)).toMatchObject({
      AuthorizationType: 'NONE',
    });
  });

  it('derives request models from the handler schemas, without formats or patterns', () => {
    template.hasResourceProperties('AWS::ApiGateway::Model', {
      Schema: {
        $schema: 'http://json-schema.org/draft-04/schema#',
        type: 'object',
        properties: {
          email: { type: 'string', maxLength: 254 },
          password: { type: 'string', minLength: 1, maxLength: 256 },
        },
        required: ['email', 'password'],
      },
    });
  });

  it('logs access as JSON and throttles the stage, and each method by who may call it', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'v1',
      AccessLogSetting: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      MethodSettings: Match.arrayWith([
        Match.objectLike({
          HttpMethod: '*',
          ResourcePath: '/*',
          LoggingLevel: 'ERROR',
          DataTraceEnabled: false,
          ThrottlingRateLimit: 50,
          ThrottlingBurstLimit: 100,
        }),
        Match.objectLike({
          HttpMethod: 'POST',
          ResourcePath: '/~1applications',
          ThrottlingRateLimit: METHOD_THROTTLES.webhook.rateLimit,
        }),
        Match.objectLike({
          HttpMethod: 'POST',
          ResourcePath: '/~1auth~1login',
          ThrottlingRateLimit: METHOD_THROTTLES.public.rateLimit,
          ThrottlingBurstLimit: METHOD_THROTTLES.public.burstLimit,
        }),
      ]),
    });
  });

  it('has a per-IP rate-based rule on the open routes by default (metrics named after the stack), none with -c waf=false', () => {
    expect(Object.keys(synth({ waf: 'false' }).template.findResources('AWS::WAFv2::WebACL'))).toEqual([]);
    const withWaf = template;
    withWaf.hasResourceProperties('AWS::WAFv2::WebACL', {
      VisibilityConfig: Match.objectLike({ MetricName: 'CognitoAccountBackend-web-acl' }),
    });
    withWaf.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: [
        Match.objectLike({
          Action: { Block: {} },
          Statement: {
            RateBasedStatement: Match.objectLike({ AggregateKeyType: 'IP', Limit: WAF_RATE_LIMIT_PER_5_MIN }),
          },
        }),
      ],
    });
    withWaf.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
  });

  it('rotates refresh tokens only with -c refreshTokenRotation=true, and tells the functions', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { RefreshTokenRotation: Match.absent() });
    const rotating = synth({ refreshTokenRotation: 'true' }).template;
    rotating.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      RefreshTokenRotation: Match.objectLike({ Feature: 'ENABLED' }),
    });
    rotating.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('/auth/refresh'),
      Environment: { Variables: Match.objectLike({ REFRESH_TOKEN_ROTATION: 'true' }) },
    });
  });

  it('makes TOTP MFA required for everyone only with -c mfaRequired=true (cdk-nag COG2 then needs no acknowledgment)', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'OPTIONAL' });
    synth({ mfaRequired: 'true' }).template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
  });

  it('lets only CreateAuthChallenge send its own email, from the sesFromAddress identity only', () => {
    const withSes = synth({ sesFromAddress: 'no-reply@example.com' }).template;
    const senders = Object.entries(withSes.findResources('AWS::IAM::Policy')).filter(([, policy]) =>
      JSON.stringify(policy.Properties.PolicyDocument).includes('ses:SendEmail'),
    );
    expect(senders.map(([id]) => id.replace(/Role.*$/, ''))).toEqual(['TriggercreateAuthChallenge']);
    const text = JSON.stringify(senders[0]?.[1].Properties.PolicyDocument);
    expect(text).toContain('identity/no-reply@example.com');
    expect(text).toContain('identity/example.com');
    withSes.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('CreateAuthChallenge'),
      Environment: { Variables: Match.objectLike({ SES_FROM_ADDRESS: 'no-reply@example.com' }) },
    });
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: Match.objectLike({
        DefineAuthChallenge: Match.anyValue(),
        CreateAuthChallenge: Match.anyValue(),
        VerifyAuthChallengeResponse: Match.anyValue(),
      }),
    });
  });

  it('sends email through SES from the given address with -c sesFromAddress=...', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', { EmailConfiguration: Match.absent() });
    synth({ sesFromAddress: 'no-reply@example.com' }).template.hasResourceProperties(
      'AWS::Cognito::UserPool',
      {
        EmailConfiguration: Match.objectLike({
          EmailSendingAccount: 'DEVELOPER',
          From: 'no-reply@example.com',
        }),
      },
    );
  });

  it('answers gateway-level refusals in the API error shape', () => {
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'UNAUTHORIZED',
      StatusCode: '401',
      ResponseTemplates: {
        'application/json': JSON.stringify({
          error: { code: 'UNAUTHENTICATED', message: 'A valid access token is required.' },
        }),
      },
    });
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'MISSING_AUTHENTICATION_TOKEN',
      StatusCode: '404',
    });
  });
});

describe('cdk-nag', () => {
  it('fails synth on an unacknowledged finding', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = configureApp(app);
    new sqs.Queue(stack, 'UnencryptedQueue', { encryption: sqs.QueueEncryption.UNENCRYPTED });

    expect(() => app.synth()).toThrow(/AwsSolutions-SQS/);
  });
});

describe('the template', () => {
  it('matches the snapshot (asset hashes masked)', () => {
    const json = JSON.stringify(template.toJSON()).replace(/[0-9a-f]{64}(\.zip)?/g, '<asset-hash>');
    expect(JSON.parse(json)).toMatchSnapshot();
  });
});

describe('the security gate in the template', () => {
  it('lets the app client write only email and name, never role, tenant, username or legacy id', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      WriteAttributes: ['email', 'name'],
    });
  });

  it('declares no request model on webhook routes, so the signature is checked first', () => {
    const webhooks = OPERATION_LIST.filter((op) => op.access === 'webhook').map((op) => op.name);
    const methods = Object.values(template.findResources('AWS::ApiGateway::Method')).filter((m) =>
      webhooks.includes(m.Properties.OperationName),
    );
    expect(methods.length).toBe(webhooks.length);
    for (const method of methods) expect(method.Properties.RequestModels).toBeUndefined();
  });

  it('puts the security headers on every gateway response', () => {
    const responses = Object.values(template.findResources('AWS::ApiGateway::GatewayResponse'));
    expect(responses.length).toBeGreaterThan(0);
    for (const response of responses) {
      expect(Object.keys(response.Properties.ResponseParameters).sort()).toEqual(
        Object.keys(SECURITY_HEADERS)
          .map((h) => `gatewayresponse.header.${h}`)
          .sort(),
      );
    }
  });
});

describe('the alarms', () => {
  it('send to one TLS-only SNS topic in the outputs, under a customer-managed key CloudWatch may use', () => {
    const [[keyId, key]] = resourcesOf('AWS::KMS::Key') as [
      [
        string,
        { Properties: { EnableKeyRotation: boolean; KeyPolicy: { Statement: Record<string, unknown>[] } } },
      ],
    ];
    expect(key.Properties.EnableKeyRotation).toBe(true);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    const cloudWatch = key.Properties.KeyPolicy.Statement.filter(
      (s: { Principal?: { Service?: string } }) => s.Principal?.Service === 'cloudwatch.amazonaws.com',
    );
    expect(cloudWatch).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        Condition: expect.objectContaining({
          StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
        }),
      }),
    ]);
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish' }),
        ]),
      },
    });
    template.hasOutput('AlarmTopicArn', Match.anyValue());
    for (const alarm of Object.values(template.findResources('AWS::CloudWatch::Alarm'))) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^MonitoringAlarms/) }]);
    }
  });

  it("fire on the API's 5xx rate, not on one error", () => {
    const [rate] = Object.values(template.findResources('AWS::CloudWatch::Alarm')).filter((a) =>
      JSON.stringify(a.Properties.Metrics ?? []).includes('5XXError'),
    );
    expect(rate?.Properties.Threshold).toBe(API_5XX_PERCENT);
    const expression = rate?.Properties.Metrics.find((m: { Expression?: string }) => m.Expression);
    expect(expression.Expression).toContain(`requests >= ${API_5XX_MIN_REQUESTS}`);
    expect(expression.Expression).toContain('100 * FILL(errors, 0) / requests');
  });

  it("watch Cognito's throttles of this pool, DynamoDB's of every table, and SES's reputation when it sends", () => {
    type Alarm = { Properties: { Metrics?: Array<{ MetricStat?: { Metric: Record<string, unknown> } }> } };
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Alarm[];
    const metricsOf = (alarm: Alarm | undefined) =>
      (alarm?.Properties.Metrics ?? []).flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric] : []));
    const cognito = alarms.find((a) => metricsOf(a).some((m) => m.Namespace === 'AWS/Cognito'));
    expect(metricsOf(cognito).map((m) => m.MetricName)).toEqual([
      'SignInThrottles',
      'TokenRefreshThrottles',
      'SignUpThrottles',
    ]);
    expect(JSON.stringify(metricsOf(cognito)[0])).toContain('UserPoolClient');
    const tables = Object.keys(template.findResources('AWS::DynamoDB::Table')).length;
    for (const name of ['ReadThrottleEvents', 'WriteThrottleEvents']) {
      const dynamo = alarms.find((a) => metricsOf(a).some((m) => m.MetricName === name));
      expect(metricsOf(dynamo)).toHaveLength(tables);
    }
    const sesAlarms = (t: Template) =>
      Object.values(t.findResources('AWS::CloudWatch::Alarm')).filter(
        (a) => a.Properties.Namespace === 'AWS/SES',
      );
    expect(sesAlarms(template)).toEqual([]);
    const withSes = sesAlarms(synth({ sesFromAddress: 'no-reply@example.com' }).template);
    expect(withSes.map((a) => [a.Properties.MetricName, a.Properties.Threshold])).toEqual([
      ['Reputation.BounceRate', SES_BOUNCE_RATE],
      ['Reputation.ComplaintRate', SES_COMPLAINT_RATE],
    ]);
  });

  it('watch every function for errors and throttles, and the sagas for their log events', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    const byMetric = (name: string) =>
      alarms.filter(
        (a) =>
          a.Properties.MetricName === name ||
          JSON.stringify(a.Properties.Metrics ?? []).includes(`"${name}"`),
      );
    // Throttles by groups of at most ten functions (a math alarm takes at most ten metrics).
    const functions = OPERATION_LIST.length + TRIGGER_LIST.length;
    const throttles = byMetric('Throttles');
    expect(throttles).toHaveLength(Math.ceil(functions / MAX_METRICS_PER_ALARM));
    const watched = throttles.flatMap((a) =>
      a.Properties.Metrics.filter((m: { MetricStat?: unknown }) => m.MetricStat),
    );
    expect(watched).toHaveLength(functions);
    expect(byMetric('Errors')).toHaveLength(OPERATION_LIST.length + TRIGGER_LIST.length);
    // A trigger refuses by throwing: its alarm subtracts the refusals its preset logs at level info.
    for (const trigger of TRIGGER_LIST) {
      template.hasResourceProperties('AWS::Logs::MetricFilter', {
        FilterPattern: '{ ($.event = "trigger failed") && ($.level = "info") }',
        MetricTransformations: [Match.objectLike({ MetricName: `TriggerRefusals-${trigger.name}` })],
      });
    }
    for (const phrase of ['compensation failed', 'reconciliation record not written']) {
      template.hasResourceProperties('AWS::Logs::MetricFilter', {
        FilterPattern: `"${phrase}"`,
        LogGroupName: { Ref: Match.stringLikeRegexp('^OpprovisionNewAdminLogs') },
      });
    }
  });
});

describe('optional email sender', () => {
  const sesOf = (t: Template, name: string) => {
    const [, fn] = Object.entries(ourFunctions(t)).find(([id]) => id.startsWith(`Op${name}Function`)) ?? [];
    return fn?.Properties.Environment.Variables.SES_FROM_ADDRESS;
  };
  const withSes = synth({ sesFromAddress: 'no-reply@example.com' }).template;
  const needing = OPERATION_LIST.filter((op) => op.needsEmailSender).map((op) => op.name);

  it('passwordless needs it, and gets SES_FROM_ADDRESS only when the stack has one (else 501 NOT_CONFIGURED)', () => {
    expect(needing.sort()).toEqual(['startPasswordless', 'verifyPasswordless']);
    for (const name of needing) {
      expect(sesOf(template, name)).toBeUndefined();
      expect(sesOf(withSes, name)).toBe('no-reply@example.com');
    }
    expect(sesOf(withSes, 'login')).toBeUndefined();
  });
});

describe('account-wide settings (deploy-time rule: a stage that logs needs the account role)', () => {
  const logsAtStage = (t: Template) =>
    Object.values(t.findResources('AWS::ApiGateway::Stage')).some(
      (stage) =>
        stage.Properties.AccessLogSetting ||
        stage.Properties.MethodSettings?.some((m: { LoggingLevel?: string }) => m.LoggingLevel),
    );

  it("sets API Gateway's CloudWatch role by default, retained, so a fresh account's first deploy works", () => {
    expect(logsAtStage(template)).toBe(true);
    const [account] = Object.values(template.findResources('AWS::ApiGateway::Account'));
    expect(account?.DeletionPolicy).toBe('Retain');
    const role = Object.entries(template.findResources('AWS::IAM::Role')).find(([id]) =>
      id.includes('CloudWatchRole'),
    );
    expect(role?.[1].DeletionPolicy).toBe('Retain');
  });

  it('leaves it to the account with -c apiGatewayCloudWatchRole=false, and says how to check it', () => {
    const { stack, template: off } = synth({ apiGatewayCloudWatchRole: 'false' });
    off.resourceCountIs('AWS::ApiGateway::Account', 0);
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('get-account'));
    expect(warnings).toHaveLength(1);
  });
});
