import { activatedApplicant, enrollTotp, freshWorld } from '../../support/harness';

type Tokens = { accessToken: string; refreshToken: string; idToken: string };
const EMAIL = 'jane@example.com';

describe('startTotpEnrollment (POST /me/mfa/totp)', () => {
  let world: ReturnType<typeof freshWorld>;
  let tokens: Tokens;
  beforeEach(async () => {
    world = freshWorld();
    tokens = (await activatedApplicant(world, EMAIL)) as Tokens;
  });

  const enroll = (access = tokens.accessToken) => enrollTotp(world, access);

  it('returns a base32 secret and an otpauth URI for the user', async () => {
    const { start } = await enroll();

    expect(start.status).toBe(200);
    expect(start.body.secretCode).toMatch(/^[A-Z2-7]{32}$/);
    expect(start.body.otpauthUri).toBe(
      `otpauth://totp/Cognito%20account%20backend:jane%40example.com?secret=${start.body.secretCode}&issuer=Cognito+account+backend&algorithm=SHA1&digits=6&period=30`,
    );
  });
});
