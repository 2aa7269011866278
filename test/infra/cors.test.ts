import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { httpOperation } from '../../lambdas/core/http/preset';
import { OPERATION_LIST, OPERATIONS } from '../../lambdas/operations';
import { configureApp } from '../../lib/app';
import { lambdaContext, proxyEvent } from '../../local/api-gateway';
import { ourFunctions } from '../support/functions';

function synth(context: Record<string, unknown> = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stack = configureApp(app);
  app.synth(); // cdk-nag: throws on any unacknowledged finding
  return Template.fromStack(stack);
}

const optionsMethods = (template: Template) =>
  Object.values(template.findResources('AWS::ApiGateway::Method')).filter(
    (m) => m.Properties.HttpMethod === 'OPTIONS',
  );

describe('CORS (-c corsOrigins, empty by default)', () => {
  it('is off by default: no preflight, no origin in any function', () => {
    const template = synth();
    expect(optionsMethods(template)).toEqual([]);
    for (const fn of Object.values(ourFunctions(template))) {
      expect(Object.keys(fn.Properties.Environment.Variables)).not.toContain('CORS_ALLOWED_ORIGINS');
    }
  });

  it('with an allow-list: one preflight per route path answering those origins only, cdk-nag clean', () => {
    const template = synth({ corsOrigins: 'https://admin.example.com' });
    const paths = new Set(OPERATION_LIST.map((op) => op.path));
    const preflights = optionsMethods(template);
    expect(preflights).toHaveLength(paths.size);
    const answer = JSON.stringify(preflights[0]?.Properties.Integration);
    expect(answer).toContain("'https://admin.example.com'");
    expect(answer).not.toContain("'*'");
    const envs = Object.entries(ourFunctions(template))
      .filter(([id]) => id.startsWith('Op'))
      .map(([, fn]) => fn.Properties.Environment.Variables.CORS_ALLOWED_ORIGINS);
    expect(new Set(envs)).toEqual(new Set(['https://admin.example.com']));
  });

  it('refuses a wildcard, a path or plain http to a remote host', () => {
    for (const origin of ['*', 'https://admin.example.com/console', 'http://admin.example.com'])
      expect(() => synth({ corsOrigins: origin })).toThrow(/not an exact origin/);
  });
});

describe('CORS in the HTTP preset', () => {
  const handler = httpOperation(OPERATIONS.refreshTokens, {}, async () => ({ status: 200, body: {} }));
  const call = (origin?: string) =>
    handler(
      proxyEvent(
        {
          method: 'POST',
          path: '/auth/refresh',
          headers: { 'Content-Type': 'application/json', ...(origin ? { Origin: origin } : {}) },
          body: JSON.stringify({ refreshToken: 'x'.repeat(40) }),
        },
        { operation: OPERATIONS.refreshTokens, pathParameters: {} },
      ),
      lambdaContext('refreshTokens'),
    );
  afterEach(() => {
    delete process.env.CORS_ALLOWED_ORIGINS;
  });

  it('echoes an allowed Origin only, on success and error answers alike; nothing by default', async () => {
    expect((await call('https://admin.example.com')).headers).not.toHaveProperty(
      'Access-Control-Allow-Origin',
    );
    process.env.CORS_ALLOWED_ORIGINS = 'https://admin.example.com,https://ops.example.com';
    const allowed = await call('https://ops.example.com');
    expect(allowed.headers).toMatchObject({
      'Access-Control-Allow-Origin': 'https://ops.example.com',
      Vary: 'Origin',
    });
    expect((await call('https://evil.example.com')).headers).not.toHaveProperty(
      'Access-Control-Allow-Origin',
    );
    const refused = await handler(
      proxyEvent(
        { method: 'POST', path: '/auth/refresh', headers: { Origin: 'https://ops.example.com' }, body: 'x' },
        { operation: OPERATIONS.refreshTokens, pathParameters: {} },
      ),
      lambdaContext('refreshTokens'),
    );
    expect(refused.statusCode).toBe(415);
    expect(refused.headers).toMatchObject({ 'Access-Control-Allow-Origin': 'https://ops.example.com' });
  });
});
