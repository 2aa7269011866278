import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { sharedJwtSigner } from '../../../lambdas/core/adapters/memory/jwt-signer';
import { memoryWorld } from '../../../lambdas/core/adapters/memory/world';
import { accessTokenVerifier } from '../../../lambdas/core/deps';
import { newUserRecord, toUser, type UserRecord } from '../../../lambdas/core/domain/user';
import { activatedApplicant, call, freshWorld } from '../../support/harness';

describe('the API builds User objects from explicit fields', () => {
  it('never serves an internal attribute of the Users item, present or added later', () => {
    const record = {
      ...newUserRecord({ userId: 'u1', email: 'a@b.co', status: 'active', now: new Date() }),
      tokensValidAfter: '2026-12-01T00:00:00.000Z',
      previousStatus: 'pending_mfa',
      internalNote: 'added to the table later',
    } as UserRecord;

    const served = toUser(record) as unknown as Record<string, unknown>;

    expect(Object.keys(served).sort()).toEqual(
      ['createdAt', 'email', 'emailVerified', 'mfa', 'role', 'status', 'updatedAt', 'userId'].sort(),
    );
  });

  it('serves no internal field from GET /me after a revocation was recorded', async () => {
    const world = freshWorld();
    const tokens = await activatedApplicant(world, 'jane@example.com');
    const record = await world.users.findByEmail('jane@example.com');
    await world.users.revokeTokens(record?.userId as string, new Date(0));

    const me = await call('getProfile', { token: tokens.accessToken });

    expect(me.status).toBe(200);
    expect(me.body).not.toHaveProperty('tokensValidAfter');
  });
});

describe('mock mode never fetches a JWKS', () => {
  it('refuses a well-formed token signed by an unknown key at once, without the network', async () => {
    freshWorld();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const { userPoolId, clientId, issuer } = memoryWorld().cognito;
    const now = Math.floor(Date.now() / 1000);
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const header = encode({ alg: 'RS256', kid: randomUUID(), typ: 'JWT' });
    const payload = encode({
      sub: 'x',
      username: 'x',
      iss: issuer,
      client_id: clientId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      iat: now,
      exp: now + 600,
    });
    const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), privateKey).toString(
      'base64url',
    );
    const fetchSpy = jest.spyOn(globalThis, 'fetch');

    const started = Date.now();
    await expect(accessTokenVerifier().verify(`${header}.${payload}.${signature}`)).rejects.toMatchObject({
      name: 'UnauthenticatedError',
    });

    expect(Date.now() - started).toBeLessThan(500);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(userPoolId).toMatch(/_/);
    fetchSpy.mockRestore();
  });
});

describe('a token signed with the pool key but without exp', () => {
  it('is refused, as every verifier must: a token that never expires is not a Cognito token', async () => {
    const world = freshWorld();
    const tokens = await activatedApplicant(world, 'noexp@example.com');
    const claims = JSON.parse(
      Buffer.from(tokens.accessToken.split('.')[1] as string, 'base64url').toString(),
    );
    expect((await call('getProfile', { token: tokens.accessToken })).status).toBe(200);

    const { exp: _dropped, ...forever } = claims;
    const noExp = sharedJwtSigner().sign(forever);
    await expect(accessTokenVerifier().verify(noExp)).rejects.toMatchObject({ name: 'UnauthenticatedError' });
    expect(await call('getProfile', { token: noExp })).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED' } },
    });
    const stringExp = sharedJwtSigner().sign({ ...forever, exp: String(claims.exp) });
    expect((await call('getProfile', { token: stringExp })).status).toBe(401);
  });
});
