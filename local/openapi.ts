import * as z from 'zod/mini';
import { ERROR_CODES } from '../lambdas/core/http/error-table';
import type { OperationDefinition } from '../lambdas/core/operation-definition';
import { OPERATION_LIST, type OperationName } from '../lambdas/operations';
import { RESPONSE_SCHEMAS, RESPONSES } from '../lambdas/responses';
import { NOT_SUPPORTED_BY_EMULATOR } from './emulators/unsupported';

/**
 * Codes no handler's error table holds: the gateway's refusal of a malformed
 * path, and the emulator runner's named gap (`npm run start:emulators` only).
 */
const OUTSIDE_THE_TABLE = ['400 BAD_REQUEST', `501 ${NOT_SUPPORTED_BY_EMULATOR}`];

/** Error codes by HTTP status, from the error table (the gateway's own 401/403/404 included). */
function errorsByStatus(): Map<string, string[]> {
  const byStatus = new Map<string, string[]>();
  for (const entry of [...ERROR_CODES, ...OUTSIDE_THE_TABLE]) {
    const [status, code] = entry.split(' ') as [string, string];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return byStatus;
}

function jsonSchema(schema: z.ZodMiniType): Record<string, unknown> {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return json;
}

function parameters(op: OperationDefinition): object[] {
  // Every `{name}` of the path, typed by the row's `params` schema where it has one.
  const typed = (op.params ? jsonSchema(op.params).properties : undefined) as
    | Record<string, object>
    | undefined;
  const path = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: typed?.[name as string] ?? { type: 'string' },
  }));
  const query = op.query ? jsonSchema(op.query) : undefined;
  const required = new Set((query?.required as string[] | undefined) ?? []);
  const queryParams = Object.entries((query?.properties ?? {}) as Record<string, object>).map(
    ([name, schema]) => ({
      name,
      in: 'query',
      required: required.has(name),
      schema,
    }),
  );
  const headers =
    op.permissions.tables?.idempotency && op.access === 'admin'
      ? [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,128}$' },
            description:
              'The same key with the same request answers the first answer again; with another request, 422 IDEMPOTENCY_KEY_REUSED.',
          },
        ]
      : [];
  const signature =
    op.name === 'createCognitoUser'
      ? [
          {
            name: 'signature',
            in: 'query',
            required: true,
            schema: { type: 'string' },
            description: 'HMAC-SHA256 (hex) of the raw body with the application webhook secret',
          },
        ]
      : op.name === 'billingWebhook'
        ? [
            {
              name: 'Stripe-Signature',
              in: 'header',
              required: true,
              schema: { type: 'string' },
              description: '`t=<unix seconds>,v1=<HMAC-SHA256 of "t.body">`, 5 minutes tolerance',
            },
          ]
        : [];
  return [...path, ...queryParams, ...headers, ...signature];
}

/** The success body of `name` at `status`: a reference to its named schema. */
function ref(name: string, status: string): { $ref: string } {
  const bodies = RESPONSES[name as OperationName] as Record<string, z.ZodMiniType>;
  const id = bodies[status] && RESPONSE_SCHEMAS.get(bodies[status])?.id;
  if (!id) throw new Error(`${name} ${status}: no response schema in lambdas/responses.ts`);
  return { $ref: `#/components/schemas/${id}` };
}

/** Every named response schema (lambdas/responses.ts), referring to one another by name. */
function responseSchemas(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(RESPONSE_SCHEMAS, {
    io: 'output',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _, $id: __, ...schema }]) => [id, schema]),
  );
}

/** The OpenAPI 3.1 description of the API, from the operation registry (docs/openapi.json). */
export function openApiDocument(): Record<string, unknown> {
  const errors = errorsByStatus();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATION_LIST) {
    const responses: Record<string, unknown> = {};
    for (const [status, description] of Object.entries(op.success)) {
      responses[status] =
        status === '204'
          ? { description }
          : { description, content: { 'application/json': { schema: ref(op.name, status) } } };
    }
    for (const status of errors.keys()) responses[status] = { $ref: `#/components/responses/E${status}` };
    paths[op.path] ??= {};
    (paths[op.path] as Record<string, unknown>)[op.method.toLowerCase()] = {
      operationId: op.name,
      summary: op.summary,
      tags: [op.access],
      security: op.access === 'user' || op.access === 'admin' ? [{ accessToken: [] }] : [],
      parameters: parameters(op),
      ...(op.body
        ? {
            requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } },
          }
        : {}),
      responses,
      ...(op.access === 'admin'
        ? { description: 'Admins only: an access token of a member of the `admin` group.' }
        : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Cognito account backend',
      version: '0.1.0',
      description:
        'Generated from the operation registry (lambdas/operations.ts) by `npm run docs:openapi`. Errors are `{error: {code, message}}` with the stable codes of each status.',
    },
    servers: [{ url: 'http://127.0.0.1:3000', description: 'npm start (mock mode)' }],
    paths,
    components: {
      securitySchemes: {
        accessToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito access token (`tokens.accessToken` of /auth/login)',
        },
      },
      schemas: {
        ...responseSchemas(),
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
      },
      responses: Object.fromEntries(
        [...errors].map(([status, codes]) => [
          `E${status}`,
          {
            description: `One of: ${codes.join(', ')}`,
            content: {
              'application/json': {
                schema: {
                  allOf: [
                    { $ref: '#/components/schemas/Error' },
                    { properties: { error: { properties: { code: { enum: codes } } } } },
                  ],
                },
              },
            },
          },
        ]),
      ),
    },
  };
}
