import { callerContext } from '../../../lambdas/core/caller-context';
import { httpOperation } from '../../../lambdas/core/http/preset';
import { OPERATIONS } from '../../../lambdas/operations';
import { lambdaContext, proxyEvent } from '../../../local/api-gateway';

/** The HTTP preset puts the caller as API Gateway saw them where the Cognito adapter reads it. */
describe('the caller context of a request', () => {
  const seen = httpOperation(OPERATIONS.login, {}, async () => ({
    status: 200,
    body: { ...callerContext() },
  }));
  const event = (headers: Record<string, string>) => {
    const built = proxyEvent(
      {
        method: 'POST',
        path: '/auth/login',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ email: 'a@example.com', password: 'Str0ng!Passw0rd' }),
      },
      { operation: OPERATIONS.login, pathParameters: {} },
    );
    built.requestContext.identity.sourceIp = '203.0.113.7';
    return built;
  };

  it("holds the source IP and the front end's X-User-Context-Data during the request, and nothing after", async () => {
    const answer = await seen(event({ 'X-User-Context-Data': 'ZW5jb2RlZA' }), lambdaContext('login'));
    expect(JSON.parse(answer.body)).toEqual({ ipAddress: '203.0.113.7', encodedData: 'ZW5jb2RlZA' });
    expect(callerContext()).toEqual({});
  });

  it('drops an oversized context header', async () => {
    const answer = await seen(event({ 'X-User-Context-Data': 'x'.repeat(9000) }), lambdaContext('login'));
    expect(JSON.parse(answer.body)).toEqual({ ipAddress: '203.0.113.7' });
  });
});
