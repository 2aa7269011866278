import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as z from 'zod/mini';
import { httpOperation } from '../../../lambdas/core/http/preset';
import type { OperationDefinition } from '../../../lambdas/core/operation-definition';
import { Api, requestParameters } from '../../../lib/constructs/api';
import { lambdaContext, proxyEvent } from '../../../local/api-gateway';

const definition = {
  name: 'getThing',
  method: 'GET',
  path: '/things/{thingId}',
  access: 'public',
  entry: 'unused.ts',
  summary: 'test operation with path and query schemas',
  params: z.object({ thingId: z.string().check(z.regex(/^[a-z0-9-]{3,40}$/)) }),
  query: z.object({
    limit: z.optional(
      z.pipe(
        z.string().check(z.regex(/^\d{1,2}$/)),
        z.transform((v) => Number(v)),
      ),
    ),
    email: z.optional(z.string()),
  }),
  permissions: {},
  success: { 200: 'the thing' },
} as const satisfies OperationDefinition;

const handler = httpOperation(definition, {}, async ({ params, query }) => ({
  status: 200,
  body: { params, query },
}));

function get(pathParameters: Record<string, string>, query: Record<string, string> = {}) {
  const event = proxyEvent(
    { method: 'GET', path: `/things/${pathParameters.thingId ?? ''}`, query },
    { operation: definition, pathParameters },
  );
  return handler(event, lambdaContext('getThing'));
}

describe('path and query schemas', () => {
  it('hands the validated, transformed parameters to the handler', async () => {
    const answer = await get({ thingId: 'abc-1' }, { limit: '20' });

    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ params: { thingId: 'abc-1' }, query: { limit: 20 } });
  });

  it('returns 400 VALIDATION_ERROR naming the path field', async () => {
    const answer = await get({ thingId: 'NOT VALID!' });

    expect(answer.statusCode).toBe(400);
    expect(JSON.parse(answer.body).error).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: expect.stringMatching(/^path\.thingId: /),
    });
  });

  it('returns 400 VALIDATION_ERROR naming the query field', async () => {
    const answer = await get({ thingId: 'abc-1' }, { limit: 'lots' });

    expect(answer.statusCode).toBe(400);
    expect(JSON.parse(answer.body).error.message).toMatch(/^query\.limit: /);
  });

  it('declares path parameters as required and optional query keys as optional', () => {
    expect(requestParameters(definition)).toEqual({
      'method.request.path.thingId': true,
      'method.request.querystring.limit': false,
      'method.request.querystring.email': false,
    });
  });

  it('puts them on the API Gateway method with the request validator', () => {
    const stack = new Stack(new App(), 'ParamsTest');
    const pool = new cognito.UserPool(stack, 'Pool');
    const fn = new lambda.Function(stack, 'Fn', {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({})'),
    });
    new Api(stack, 'Api', {
      userPool: pool,
      operations: [{ definition: { ...definition, access: 'user' }, function: fn }],
    });

    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      OperationName: 'getThing',
      RequestParameters: {
        'method.request.path.thingId': true,
        'method.request.querystring.limit': false,
      },
      RequestValidatorId: Match.anyValue(),
    });
  });
});
