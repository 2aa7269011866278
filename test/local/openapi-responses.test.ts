import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { OPERATION_LIST, type OperationName } from '../../lambdas/operations';
import { RESPONSES } from '../../lambdas/responses';
import { responseViolations, routeOf } from '../support/openapi-responses';

const document = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'docs', 'openapi.json'), 'utf8'));

const user = {
  userId: 'u-1',
  email: 'jane@example.com',
  status: 'active',
  role: 'user',
  emailVerified: true,
  mfa: { enabled: false, required: false },
  createdAt: '2026-12-06T10:00:00.000Z',
  updatedAt: '2026-12-06T10:00:00.000Z',
};

describe('response schemas (lambdas/responses.ts) in the OpenAPI document', () => {
  it('give every success status with a body its schema, and no status the registry lacks', () => {
    for (const op of OPERATION_LIST) {
      const withBody = Object.keys(op.success).filter((status) => status !== '204');
      expect({ op: op.name, statuses: Object.keys(RESPONSES[op.name as OperationName]) }).toEqual({
        op: op.name,
        statuses: withBody,
      });
      const responses = document.paths[op.path][op.method.toLowerCase()].responses;
      for (const status of withBody)
        expect(responses[status].content['application/json'].schema.$ref).toMatch(
          /^#\/components\/schemas\/\w+$/,
        );
    }
  });

  it('name the shapes a generated client needs: tokens, challenges, users, pages, the error', () => {
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['Tokens', 'Challenge', 'AuthOutcome', 'User', 'Profile', 'UserPage', 'Error']),
    );
    expect(document.components.schemas.User.additionalProperties).toBe(false);
    expect(document.components.responses.E409.content['application/json'].schema.allOf[1]).toEqual({
      properties: { error: { properties: { code: { enum: expect.arrayContaining(['USER_EXISTS']) } } } },
    });
  });
});

describe('the response check every HTTP test goes through', () => {
  it('accepts answers as documented', () => {
    expect(responseViolations('GET /admin/users/{userId}', 200, user)).toEqual([]);
    expect(responseViolations('GET /admin/users', 200, { users: [user], nextCursor: 'c' })).toEqual([]);
    expect(responseViolations('POST /auth/sign-out', 204, undefined)).toEqual([]);
    expect(
      responseViolations('POST /auth/login', 200, {
        challenge: { name: 'NEW_PASSWORD_REQUIRED', session: 's' },
      }),
    ).toEqual([]);
    expect(
      responseViolations('POST /auth/login', 401, { error: { code: 'NOT_AUTHORIZED', message: 'm' } }),
    ).toEqual([]);
  });

  it('refuses an internal field served by accident, a missing token, a wrong type', () => {
    expect(
      responseViolations('GET /admin/users/{userId}', 200, {
        ...user,
        tokensValidAfter: '2026-12-06T10:00:00Z',
      }),
    ).toEqual([expect.stringContaining('must NOT have additional properties')]);
    const tokens = { idToken: 'i', expiresIn: 3600, tokenType: 'Bearer' };
    expect(responseViolations('POST /auth/refresh', 200, { tokens })).toEqual([
      expect.stringContaining("must have required property 'accessToken'"),
    ]);
    expect(responseViolations('GET /me', 200, { ...user, groups: 'admin' })).toEqual([
      expect.stringContaining('/groups must be array'),
    ]);
  });

  it('refuses a code its status does not document, an undocumented status, a body on a 204', () => {
    expect(
      responseViolations('POST /auth/login', 401, { error: { code: 'USER_EXISTS', message: 'm' } }),
    ).toEqual([expect.stringContaining('must be equal to one of the allowed values')]);
    expect(responseViolations('POST /auth/login', 418, {})).toEqual([
      'POST /auth/login does not document status 418',
    ]);
    expect(responseViolations('DELETE /me/mfa', 204, { ok: true })).toEqual([
      'DELETE /me/mfa 204 documents no body',
    ]);
  });

  it('finds the route of a concrete path, a literal segment before a parameter', () => {
    expect(routeOf('PUT', '/admin/users/u-1/password')).toBe('PUT /admin/users/{userId}/password');
    expect(routeOf('POST', '/admin/users/u-1/approve')).toBe('POST /admin/users/{userId}/{action}');
    expect(routeOf('GET', '/admin/users?status=active')).toBe('GET /admin/users');
    expect(routeOf('POST', '/me/mfa/totp/verify')).toBe('POST /me/mfa/totp/verify');
  });
});
