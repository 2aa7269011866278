import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resetMemoryWorld } from '../../lambdas/core/adapters/memory/world';
import { createLocalServer } from '../../local/server';
import { SoftwareAuthenticator } from '../../local/software-authenticator';
import { registryTriggers } from '../../local/triggers';
import { activatedApplicant } from '../support/harness';
import { PAGE_ORIGIN } from '../support/passkeys';

/**
 * A passkey registered and used through the local API over HTTP, on the
 * fake: the project's software authenticator answers the options as a
 * browser's platform authenticator would, and the fake verifies them with
 * @simplewebauthn/server.
 */
let server: Server;
let base: string;

async function http(method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: test answers are read field by field
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as any };
}

beforeAll(async () => {
  resetMemoryWorld({ triggers: registryTriggers() });
  server = createLocalServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('passkeys over HTTP on the fake, with a software authenticator', () => {
  const email = 'pia@example.com';
  const authenticator = SoftwareAuthenticator.create();
  let token: string;

  beforeAll(async () => {
    // Each server request resolves the same process-wide mock world as the harness.
    token = (await activatedApplicant(resetMemoryWorld({ triggers: registryTriggers() }), email)).accessToken;
  });

  it('registers a passkey (packed attestation) and lists it', async () => {
    const options = await http('POST', '/me/passkeys/options', undefined, token);
    const credential = authenticator.register(options.body.options, PAGE_ORIGIN, 'packed');

    expect(await http('POST', '/me/passkeys', { credential }, token)).toMatchObject({ status: 204 });
    const listed = await http('GET', '/me/passkeys', undefined, token);
    expect(listed.body.passkeys).toEqual([expect.objectContaining({ credentialId: credential.id })]);
  });

  it('signs in with it: SELECT_CHALLENGE -> WEB_AUTHN with the request options -> tokens that open /me', async () => {
    const offered = await http('POST', '/auth/sign-in', { email });
    expect(offered.body.challenge.availableChallenges).toContain('WEB_AUTHN');
    const chosen = await http('POST', '/auth/challenge', {
      email,
      session: offered.body.challenge.session,
      name: 'SELECT_CHALLENGE',
      answer: 'WEB_AUTHN',
    });
    expect(chosen.body.challenge).toMatchObject({
      name: 'WEB_AUTHN',
      credentialRequestOptions: { rpId: 'localhost', challenge: expect.any(String) },
    });
    const assertion = authenticator.authenticate(chosen.body.challenge.credentialRequestOptions, PAGE_ORIGIN);

    const signedIn = await http('POST', '/auth/challenge', {
      email,
      session: chosen.body.challenge.session,
      name: 'WEB_AUTHN',
      credential: assertion,
    });

    expect(signedIn.status).toBe(200);
    const me = await http('GET', '/me', undefined, signedIn.body.tokens.accessToken);
    expect(me).toMatchObject({ status: 200, body: { email } });
  });

  it('refuses a replayed assertion, one from another site, and one answering another challenge', async () => {
    const first = await http('POST', '/auth/sign-in', { email, preferred: 'WEB_AUTHN' });
    const options = first.body.challenge.credentialRequestOptions;
    const assertion = authenticator.authenticate(options, PAGE_ORIGIN);
    const body = { email, session: first.body.challenge.session, name: 'WEB_AUTHN', credential: assertion };
    expect((await http('POST', '/auth/challenge', body)).status).toBe(200);
    expect((await http('POST', '/auth/challenge', body)).status).toBe(401);

    const second = await http('POST', '/auth/sign-in', { email, preferred: 'WEB_AUTHN' });
    const stale = await http('POST', '/auth/challenge', {
      ...body,
      session: second.body.challenge.session,
    });
    const third = await http('POST', '/auth/sign-in', { email, preferred: 'WEB_AUTHN' });
    const foreign = await http('POST', '/auth/challenge', {
      ...body,
      session: third.body.challenge.session,
      credential: authenticator.authenticate(
        third.body.challenge.credentialRequestOptions,
        'https://evil.example',
      ),
    });

    expect(stale).toMatchObject({ status: 401, body: { error: { code: 'NOT_AUTHORIZED' } } });
    expect(foreign).toMatchObject({ status: 401, body: { error: { code: 'NOT_AUTHORIZED' } } });
  });

  it('offers an unknown email the same WEB_AUTHN challenge, which no passkey answers', async () => {
    const unknown = await http('POST', '/auth/sign-in', {
      email: 'ghost@example.com',
      preferred: 'WEB_AUTHN',
    });
    const assertion = authenticator.authenticate(
      { ...unknown.body.challenge.credentialRequestOptions, allowCredentials: [] },
      PAGE_ORIGIN,
    );

    const refused = await http('POST', '/auth/challenge', {
      email: 'ghost@example.com',
      session: unknown.body.challenge.session,
      name: 'WEB_AUTHN',
      credential: assertion,
    });

    expect(unknown.body.challenge).toMatchObject({
      name: 'WEB_AUTHN',
      credentialRequestOptions: { rpId: 'localhost' },
    });
    expect(refused.status).toBe(401);
  });

  it('no longer signs in with a deleted passkey', async () => {
    const id = authenticator.credentialId as string;
    expect((await http('DELETE', `/me/passkeys/${id}`, undefined, token)).status).toBe(204);
    const offered = await http('POST', '/auth/sign-in', { email, preferred: 'WEB_AUTHN' });

    const refused = await http('POST', '/auth/challenge', {
      email,
      session: offered.body.challenge.session,
      name: 'WEB_AUTHN',
      credential: authenticator.authenticate(
        { ...offered.body.challenge.credentialRequestOptions, allowCredentials: [] },
        PAGE_ORIGIN,
      ),
    });

    expect(offered.body.challenge.credentialRequestOptions.allowCredentials).toEqual([]);
    expect(refused.status).toBe(401);
  });
});
