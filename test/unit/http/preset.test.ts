import * as z from 'zod/mini';
import { NotAuthorizedError } from '../../../lambdas/core/domain/errors';
import { newUserRecord } from '../../../lambdas/core/domain/user';
import { ERROR_CODES } from '../../../lambdas/core/http/error-table';
import { parseGroups } from '../../../lambdas/core/http/headers';
import { httpOperation, MAX_BODY_BYTES } from '../../../lambdas/core/http/preset';
import type { OperationDefinition } from '../../../lambdas/core/operation-definition';
import { lambdaContext, proxyEvent } from '../../../local/api-gateway';

const definition = {
  name: 'echo',
  method: 'POST',
  path: '/echo',
  access: 'public',
  entry: 'unused.ts',
  summary: 'test operation',
  body: z.object({ email: z.string().check(z.email()), nested: z.optional(z.object({ n: z.number() })) }),
  permissions: {},
  success: { 200: 'the echo' },
} as const satisfies OperationDefinition;

function invoke(
  handler: ReturnType<typeof httpOperation>,
  body: string | undefined,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
  overrides: Record<string, unknown> = {},
) {
  const event = {
    ...proxyEvent(
      { method: 'POST', path: '/echo', headers, body },
      { operation: definition, pathParameters: {} },
    ),
    ...overrides,
  };
  return handler(event, lambdaContext('echo'));
}

const echo = httpOperation(definition, {}, async ({ body }) => ({ status: 200, body }));

describe('the HTTP preset', () => {
  it('passes the validated body to the handler and answers JSON with security headers', async () => {
    const answer = await invoke(echo, JSON.stringify({ email: 'a@b.co' }));

    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ email: 'a@b.co' });
    expect(answer.headers).toMatchObject({
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Strict-Transport-Security': expect.stringContaining('max-age='),
      'X-Frame-Options': 'DENY',
    });
  });

  it('abandons a handler 5 ms before the function times out: a generic 500 in the API shape', async () => {
    const slow = httpOperation(definition, {}, () => new Promise(() => undefined));
    const event = proxyEvent(
      {
        method: 'POST',
        path: '/echo',
        headers: { 'Content-Type': 'application/json' },
        body: '{"email":"a@b.co"}',
      },
      { operation: definition, pathParameters: {} },
    );

    const answer = await slow(event, lambdaContext('echo', 50));

    expect(answer.statusCode).toBe(500);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'INTERNAL', message: expect.any(String) } });
    expect(answer.headers).toMatchObject({ 'X-Content-Type-Options': 'nosniff' });
  });

  it('accepts a base64-encoded body, as API Gateway may send it', async () => {
    const body = Buffer.from(JSON.stringify({ email: 'a@b.co' })).toString('base64');
    const answer = await invoke(echo, body, undefined, { isBase64Encoded: true });

    expect(answer.statusCode).toBe(200);
  });

  it('returns 400 INVALID_JSON for a body that is not JSON', async () => {
    const answer = await invoke(echo, '{"email":');

    expect(answer.statusCode).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: 'INVALID_JSON', message: 'The request body is not valid JSON.' },
    });
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'returns 415 UNSUPPORTED_MEDIA_TYPE for %s',
    async (contentType) => {
      const answer = await invoke(echo, 'email=a@b.co', { 'Content-Type': contentType });

      expect(answer.statusCode).toBe(415);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    },
  );

  it('accepts application/json with a charset and any header case', async () => {
    const answer = await invoke(echo, JSON.stringify({ email: 'a@b.co' }), {
      'content-TYPE': 'Application/JSON; charset=utf-8',
    });

    expect(answer.statusCode).toBe(200);
  });

  it('returns 413 PAYLOAD_TOO_LARGE over 64 KiB, before parsing', async () => {
    const answer = await invoke(echo, JSON.stringify({ email: 'a@b.co', pad: 'x'.repeat(MAX_BODY_BYTES) }));

    expect(answer.statusCode).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('returns 400 VALIDATION_ERROR whose message names the nested field', async () => {
    const answer = await invoke(echo, JSON.stringify({ email: 'a@b.co', nested: { n: 'one' } }));

    expect(answer.statusCode).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: 'VALIDATION_ERROR', message: expect.stringMatching(/^nested\.n: /) },
    });
  });

  it('maps domain errors through the error table', async () => {
    const refusing = httpOperation(definition, {}, async () => {
      throw new NotAuthorizedError();
    });

    const answer = await invoke(refusing, JSON.stringify({ email: 'a@b.co' }));

    expect(answer.statusCode).toBe(401);
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: 'NOT_AUTHORIZED', message: 'Incorrect email or password.' },
    });
  });

  it('answers an unexpected error with a generic 500, no stack, no detail, and logs only its name', async () => {
    const failing = httpOperation(definition, {}, async () => {
      throw new TypeError('secret detail: password=hunter2');
    });
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    process.env.LOG_LEVEL = 'info';

    const answer = await invoke(failing, JSON.stringify({ email: 'a@b.co' }));

    process.env.LOG_LEVEL = 'silent';
    expect(answer.statusCode).toBe(500);
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: 'INTERNAL', message: 'Something went wrong on our side. Try again later.' },
    });
    expect(answer.body).not.toMatch(/hunter2|TypeError|at /);
    const line = logged.mock.calls.map((c) => String(c[0])).join('\n');
    expect(line).toContain('"error":"TypeError"');
    expect(line).not.toContain('hunter2');
    logged.mockRestore();
  });

  it('documents every code it can produce', () => {
    expect(ERROR_CODES).toEqual(
      expect.arrayContaining([
        '400 INVALID_JSON',
        '400 VALIDATION_ERROR',
        '413 PAYLOAD_TOO_LARGE',
        '415 UNSUPPORTED_MEDIA_TYPE',
        '500 INTERNAL',
      ]),
    );
  });
});

describe('protected routes in the preset', () => {
  const userRoute = { ...definition, access: 'user', body: undefined } as const;
  const adminRoute = { ...definition, access: 'admin', body: undefined } as const;
  const record = newUserRecord({ userId: 'u1', email: 'u1@example.com', status: 'active', now: new Date() });
  const openGate = { level: 'admin' as const, admit: async () => record };
  const whoami = (d: OperationDefinition) =>
    httpOperation(d, { gate: openGate }, async ({ caller }) => ({ status: 200, body: caller }));

  it('refuses to build a protected route without its caller gate', () => {
    const noGate = {} as { gate: typeof openGate };
    expect(() => httpOperation(userRoute, noGate, async () => ({ status: 200 }))).toThrow(/caller gate/);
    expect(() =>
      httpOperation(adminRoute, { gate: { ...openGate, level: 'user' } }, async () => ({ status: 200 })),
    ).toThrow(/admin caller gate/);
  });

  it('returns 401 UNAUTHENTICATED when the authorizer passed no claims', async () => {
    const answer = await invoke(whoami(userRoute), undefined);

    expect(answer.statusCode).toBe(401);
  });

  it('returns 403 FORBIDDEN on an admin route for a caller outside the admin group', async () => {
    const claims = { sub: 'u1', username: 'u1', 'cognito:groups': 'readers' };
    const answer = await invoke(
      whoami(adminRoute),
      undefined,
      {},
      {
        requestContext: {
          ...proxyEvent({ method: 'POST', path: '/echo' }, { operation: definition, pathParameters: {} })
            .requestContext,
          authorizer: { claims },
        },
      },
    );

    expect(answer.statusCode).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it.each([
    ['admin', ['admin']],
    ['[admin readers]', ['admin', 'readers']],
    ['admin,readers', ['admin', 'readers']],
    [['admin'], ['admin']],
    ['', []],
    [undefined, []],
  ])('parses the groups claim %j as API Gateway flattens it', (value, groups) => {
    expect(parseGroups(value)).toEqual(groups);
  });
});
