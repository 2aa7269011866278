import { resetMemoryWorld } from '../../../lambdas/core/adapters/memory/world';
import { registryTriggers } from '../../../local/triggers';
import { activatedApplicant, call, freshWorld } from '../../support/harness';

type Tokens = { accessToken: string; refreshToken: string; idToken: string };
const EMAIL = 'jane@example.com';

describe('refreshTokens (POST /auth/refresh)', () => {
  let world: ReturnType<typeof freshWorld>;
  let tokens: Tokens;
  beforeEach(async () => {
    world = freshWorld();
    tokens = (await activatedApplicant(world, EMAIL)) as Tokens;
  });

  it('returns new ID and access tokens for a refresh token', async () => {
    world.advance(1000);
    const answer = await call<{ tokens: Tokens }>('refreshTokens', {
      body: { refreshToken: tokens.refreshToken },
    });

    expect(answer.status).toBe(200);
    expect(answer.body.tokens).toMatchObject({ tokenType: 'Bearer', accessToken: expect.any(String) });
    expect(answer.body.tokens.accessToken).not.toBe(tokens.accessToken);
    expect(answer.body.tokens.refreshToken).toBeUndefined(); // no rotation by default
    expect((await call('getProfile', { token: answer.body.tokens.accessToken })).status).toBe(200);
  });

  it('returns 401 NOT_AUTHORIZED for an unknown refresh token, and for a disabled user', async () => {
    expect(await call('refreshTokens', { body: { refreshToken: 'x'.repeat(40) } })).toMatchObject({
      status: 401,
      body: { error: { code: 'NOT_AUTHORIZED' } },
    });
    const account = await world.cognito.directory.getUser(EMAIL);
    await world.cognito.directory.setEnabled(account?.username as string, false);
    expect((await call('refreshTokens', { body: { refreshToken: tokens.refreshToken } })).status).toBe(401);
  });

  describe('with refresh-token rotation', () => {
    it('returns a new refresh token each time, and the spent one stops working', async () => {
      world = Object.assign(resetMemoryWorld({ refreshRotation: true, triggers: registryTriggers() }), {
        advance: () => undefined,
      }) as typeof world;
      const first = (await activatedApplicant(world, 'rot@example.com')) as Tokens;

      const next = await call<{ tokens: Tokens }>('refreshTokens', {
        body: { refreshToken: first.refreshToken },
      });

      expect(next.status).toBe(200);
      expect(next.body.tokens.refreshToken).toEqual(expect.any(String));
      expect(next.body.tokens.refreshToken).not.toBe(first.refreshToken);
      expect((await call('refreshTokens', { body: { refreshToken: first.refreshToken } })).status).toBe(401);
      const again = await call('refreshTokens', { body: { refreshToken: next.body.tokens.refreshToken } });
      expect(again.status).toBe(200);
    });
  });
});
