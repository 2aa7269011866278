import { resetMemoryWorld } from '../../../lambdas/core/adapters/memory/world';
import { totpCode } from '../../../lambdas/core/domain/totp';
import { registryTriggers } from '../../../local/triggers';
import { activatedApplicant, call, freshWorld, STRONG_PASSWORD } from '../../support/harness';

type Tokens = { accessToken: string; refreshToken: string; idToken: string };
const EMAIL = 'jane@example.com';

describe('refresh, sign-out and TOTP', () => {
  let world: ReturnType<typeof freshWorld>;
  let tokens: Tokens;
  beforeEach(async () => {
    world = freshWorld();
    tokens = (await activatedApplicant(world, EMAIL)) as Tokens;
  });

  async function enrolTotp(access = tokens.accessToken) {
    const start = await call<{ secretCode: string; otpauthUri: string }>('startTotpEnrollment', {
      token: access,
    });
    world.advance(30_000); // a fresh step: the code of each step is good once
    const verify = await call('verifyTotpEnrollment', {
      token: access,
      body: { code: totpCode(start.body.secretCode, world.clock().getTime()) },
    });
    return { start, verify, secret: start.body.secretCode };
  }

  describe('refreshTokens (POST /auth/refresh)', () => {
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
  });

  describe('signOut (POST /auth/sign-out)', () => {
    it('answers 204; the access token and every refresh token stop working at once', async () => {
      world.advance(2000);
      const answer = await call('signOut', { token: tokens.accessToken });

      expect(answer.status).toBe(204);
      expect((await call('getProfile', { token: tokens.accessToken })).status).toBe(401);
      expect((await call('refreshTokens', { body: { refreshToken: tokens.refreshToken } })).status).toBe(401);
      world.advance(2000);
      const again = await call<{ tokens: Tokens }>('login', {
        body: { email: EMAIL, password: STRONG_PASSWORD },
      });
      expect((await call('getProfile', { token: again.body.tokens.accessToken })).status).toBe(200);
    });

    it('refuses the presented token even within the second it was issued', async () => {
      const login = await call<{ tokens: Tokens }>('login', {
        body: { email: EMAIL, password: STRONG_PASSWORD },
      });
      const fresh = login.body.tokens.accessToken;

      expect((await call('signOut', { token: fresh })).status).toBe(204);
      expect((await call('getProfile', { token: fresh })).status).toBe(401);
    });

    it('returns 401 without a token', async () => {
      expect((await call('signOut')).status).toBe(401);
    });
  });

  describe('TOTP enrolment (POST /me/mfa/totp, /verify)', () => {
    it('returns a base32 secret and an otpauth URI for the user', async () => {
      const { start } = await enrolTotp();

      expect(start.status).toBe(200);
      expect(start.body.secretCode).toMatch(/^[A-Z2-7]{32}$/);
      expect(start.body.otpauthUri).toBe(
        `otpauth://totp/Cognito%20account%20backend:jane%40example.com?secret=${start.body.secretCode}&issuer=Cognito+account+backend&algorithm=SHA1&digits=6&period=30`,
      );
    });

    it('verifies, turns TOTP on in the profile, and then sign-in asks for the code', async () => {
      const { verify, secret } = await enrolTotp();
      expect(verify).toMatchObject({
        status: 200,
        body: { email: EMAIL, mfa: { enabled: true, method: 'totp' } },
      });

      const login = await call<{ challenge: { name: string; session: string } }>('login', {
        body: { email: EMAIL, password: STRONG_PASSWORD },
      });
      expect(login.body.challenge.name).toBe('SOFTWARE_TOKEN_MFA');

      const wrong = await call('respondToChallenge', {
        body: {
          email: EMAIL,
          session: login.body.challenge.session,
          name: 'SOFTWARE_TOKEN_MFA',
          code: '000000',
        },
      });
      expect(wrong).toMatchObject({ status: 400, body: { error: { code: 'CODE_MISMATCH' } } });

      world.advance(30_000);
      const code = totpCode(secret, world.clock().getTime());
      const right = await call('respondToChallenge', {
        body: { email: EMAIL, session: login.body.challenge.session, name: 'SOFTWARE_TOKEN_MFA', code },
      });
      expect(right.status).toBe(200);
      expect(right.body).toHaveProperty('tokens.accessToken');

      // The session is spent, and the code is good once in its window.
      const reused = await call('respondToChallenge', {
        body: { email: EMAIL, session: login.body.challenge.session, name: 'SOFTWARE_TOKEN_MFA', code },
      });
      expect(reused).toMatchObject({ status: 401, body: { error: { code: 'NOT_AUTHORIZED' } } });
    });

    it('returns 400 CODE_MISMATCH for a wrong code, and keeps MFA off', async () => {
      await call('startTotpEnrollment', { token: tokens.accessToken });
      const answer = await call('verifyTotpEnrollment', {
        token: tokens.accessToken,
        body: { code: '123456' },
      });

      expect(answer).toMatchObject({ status: 400, body: { error: { code: 'CODE_MISMATCH' } } });
      const login = await call('login', { body: { email: EMAIL, password: STRONG_PASSWORD } });
      expect(login.body).toHaveProperty('tokens');
    });

    it('moves the ladder pending_mfa -> pending_subscription', async () => {
      const record = await world.users.findByEmail(EMAIL);
      await world.users.transition(record?.userId as string, 'pending_approval', 'pending_mfa');

      await enrolTotp();

      await expect(world.users.findByEmail(EMAIL)).resolves.toMatchObject({ status: 'pending_subscription' });
    });

    it('returns 400 VALIDATION_ERROR for a code that is not 6 digits', async () => {
      const answer = await call('verifyTotpEnrollment', {
        token: tokens.accessToken,
        body: { code: '12ab' },
      });
      expect(answer).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_ERROR' } } });
    });
  });

  describe('disableMfa (DELETE /me/mfa)', () => {
    it('answers 204 and sign-in no longer asks for a code', async () => {
      await enrolTotp();

      expect((await call('disableMfa', { token: tokens.accessToken })).status).toBe(204);
      const login = await call('login', { body: { email: EMAIL, password: STRONG_PASSWORD } });
      expect(login.body).toHaveProperty('tokens');
      await expect(world.users.findByEmail(EMAIL)).resolves.toMatchObject({ mfa: { enabled: false } });
    });

    it('returns 409 MFA_REQUIRED while an admin requires MFA', async () => {
      await enrolTotp();
      const record = await world.users.findByEmail(EMAIL);
      await world.users.setMfa(record?.userId as string, { enabled: true, required: true, method: 'totp' });

      expect(await call('disableMfa', { token: tokens.accessToken })).toMatchObject({
        status: 409,
        body: { error: { code: 'MFA_REQUIRED' } },
      });
    });
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
