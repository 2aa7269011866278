import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resetMemoryWorld } from '../../lambdas/core/adapters/memory/world';
import { createLocalServer } from '../../local/server';

/**
 * The fake's Cognito API (`POST /` in mock mode) answers malformed calls as
 * Cognito's front end does: a 400 with the protocol's error type, never a 500,
 * never the body echoed back, never an inherited member run as an operation.
 */
let server: Server;
let base = '';
let clientId = '';

beforeAll(async () => {
  clientId = resetMemoryWorld().cognito.clientId;
  server = createLocalServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

async function cognito(target: string, body: string) {
  const answer = await fetch(`${base}/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${target}`,
    },
    body,
  });
  return { status: answer.status, body: (await answer.json()) as { __type?: string; message?: string } };
}

describe("the fake's Cognito API refuses malformed calls with Cognito's 400s", () => {
  it.each(['null', '[]', '"text"', '42'])('a body of %s is a SerializationException', async (body) => {
    const answer = await cognito('SignUp', body);
    expect(answer).toMatchObject({ status: 400, body: { __type: 'SerializationException' } });
  });

  it.each([
    ['SignUp', { ClientId: clientId, Username: 'a@example.com', Password: 'x', UserAttributes: 'email=a' }],
    [
      'SignUp',
      { ClientId: clientId, Username: 'a@example.com', Password: 'x', UserAttributes: [{ Value: 1 }] },
    ],
    ['InitiateAuth', { ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: ['x'] }],
    ['InitiateAuth', { ClientId: 42, AuthFlow: 'USER_PASSWORD_AUTH' }],
    ['DeleteUserAttributes', { AccessToken: 'x', UserAttributeNames: 'name' }],
  ])('%s with a member of the wrong type is a SerializationException', async (target, body) => {
    const answer = await cognito(target, JSON.stringify(body));
    expect(answer).toMatchObject({ status: 400, body: { __type: 'SerializationException' } });
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'NoSuchOperation'])(
    'target %s is an UnknownOperationException, and the body is not echoed',
    async (target) => {
      const answer = await cognito(target, JSON.stringify({ ClientId: clientId, marker: 'echo-me' }));
      expect(answer).toMatchObject({ status: 400, body: { __type: 'UnknownOperationException' } });
      expect(JSON.stringify(answer.body)).not.toContain('echo-me');
    },
  );
});
