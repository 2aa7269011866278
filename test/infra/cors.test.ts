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

  it("puts CORS on API Gateway's own answers too (a 401, a 429), so a browser can read them", () => {
    const gatewayHeaders = (template: Template) =>
      Object.values(template.findResources('AWS::ApiGateway::GatewayResponse')).map(
        (r) => r.Properties.ResponseParameters as Record<string, string>,
      );
    for (const headers of gatewayHeaders(synth()))
      expect(Object.keys(headers)).not.toContain('gatewayresponse.header.Access-Control-Allow-Origin');
    const one = gatewayHeaders(synth({ corsOrigins: 'https://admin.example.com' }));
    expect(one.length).toBeGreaterThanOrEqual(10);
    for (const headers of one)
      expect(headers).toMatchObject({
        'gatewayresponse.header.Access-Control-Allow-Origin': "'https://admin.example.com'",
        'gatewayresponse.header.Access-Control-Expose-Headers': "'Retry-After'",
        'gatewayresponse.header.Vary': "'Origin'",
      });
    const two = gatewayHeaders(synth({ corsOrigins: 'https://admin.example.com,https://app.example.com' }));
    for (const headers of two)
      expect(headers['gatewayresponse.header.Access-Control-Allow-Origin']).toBe(
        'method.request.header.Origin',
      );
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
