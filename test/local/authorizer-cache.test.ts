import * as deps from '../../lambdas/core/deps';
import { OPERATIONS } from '../../lambdas/operations';
import { loadHandler } from '../../local/api-gateway';
import { authorize } from '../../local/authorizer';
import { activatedApplicant, call, freshWorld } from '../support/harness';

describe('the local API gateway: handlers loaded once, verified tokens cached until their exp', () => {
  afterEach(() => jest.restoreAllMocks());

  it('loads each handler module once and hands back the same function', async () => {
    const first = await loadHandler(OPERATIONS.getProfile);
    expect(await loadHandler(OPERATIONS.getProfile)).toBe(first);
  });

  it('verifies a token once, then answers from the cache until the token expires', async () => {
    const world = freshWorld();
    const { accessToken } = await activatedApplicant(world, 'cache@example.com');
    const verify = jest.fn(deps.accessTokenVerifier().verify);
    jest.spyOn(deps, 'accessTokenVerifier').mockReturnValue({ verify });
    const headers = { authorization: `Bearer ${accessToken}` };

    const claims = await authorize(headers);
    expect(await authorize(headers)).toEqual(claims);
    expect(verify).toHaveBeenCalledTimes(1);

    // Past the token's exp the cache does not answer: the verifier runs again, and refuses it.
    const exp = Number(claims.exp) * 1000;
    jest.spyOn(Date, 'now').mockReturnValue(exp + 1000);
    await expect(authorize(headers)).rejects.toThrow();
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('still applies revocation on every request: a cached token is refused after global sign-out', async () => {
    const world = freshWorld();
    const { accessToken } = await activatedApplicant(world, 'revoked@example.com');
    expect((await call('getProfile', { token: accessToken })).status).toBe(200);

    expect((await call('signOut', { token: accessToken })).status).toBe(204);

    const after = await call('getProfile', { token: accessToken });
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });
});
