import * as path from 'node:path';
import { FileLegacyUsers } from '../../../lambdas/core/adapters/memory/file-legacy-users';
import { call, freshWorld } from '../../support/harness';

// The mock-mode legacy users: the example file `npm start` documents (docs/api.md "Local server").
process.env.LEGACY_USERS_FILE = path.join(__dirname, '../../../local/legacy-users.example.json');
const LEE = { email: 'lee.legacy@example.com', password: 'Legacy!Passw0rd-2019' };
const LEE_ID = '6f1c3a0e-5b7d-4d43-9a1e-6f0c2e8b9d11';

describe('login (POST /auth/login) of a user of the legacy table, migrated on the way (mock mode)', () => {
  let world: ReturnType<typeof freshWorld>;
  beforeEach(() => {
    world = freshWorld();
  });
  afterEach(() => jest.restoreAllMocks());

  it('signs a legacy user in with their legacy password; /me shows legacyId; the next sign-in reads no legacy table', async () => {
    const reads = jest.spyOn(FileLegacyUsers.prototype, 'findByEmail');

    const first = await call<{ tokens: { accessToken: string } }>('login', {
      body: { email: 'Lee.Legacy@Example.com', password: LEE.password },
    });
    expect(first.status).toBe(200);
    const me = await call('getProfile', { token: first.body.tokens.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email: LEE.email,
      name: 'Lee Legacy',
      legacyId: LEE_ID,
      status: 'active',
      emailVerified: true,
    });
    expect(await world.cognito.directory.getUser(LEE.email)).toMatchObject({
      status: 'CONFIRMED',
      attributes: expect.objectContaining({ 'custom:legacy_id': LEE_ID }),
    });
    expect(reads).toHaveBeenCalledTimes(1);

    const second = await call('login', { body: LEE });
    expect(second.status).toBe(200);
    expect(reads).toHaveBeenCalledTimes(1);
    // No email was sent for the migration (messageAction SUPPRESS).
    expect(world.outbox.list(LEE.email)).toEqual([]);
  });

  it('answers a wrong legacy password and an unknown email with the same 401, and migrates nothing', async () => {
    const wrong = await call('login', { body: { email: LEE.email, password: 'Wr0ng!Password' } });
    const unknown = await call('login', { body: { email: 'nobody@example.com', password: LEE.password } });

    expect(wrong.status).toBe(401);
    expect(wrong.raw.body).toBe(unknown.raw.body);
    expect(await world.cognito.directory.getUser(LEE.email)).toBeUndefined();
    expect(await world.users.findByEmail(LEE.email)).toBeUndefined();
  });

  it("sends a legacy password under today's policy to a reset: 401 PASSWORD_RESET_REQUIRED, then the code", async () => {
    const weak = await call('login', { body: { email: 'weak.legacy@example.com', password: 'letmein1' } });
    expect(weak.status).toBe(401);
    expect(weak.body).toMatchObject({ error: { code: 'PASSWORD_RESET_REQUIRED' } });

    await call('requestPasswordReset', { body: { email: 'weak.legacy@example.com' } });
    const code = world.outbox.latest('weak.legacy@example.com', 'RESET_CODE')?.secret as string;
    const reset = await call('resetPassword', {
      body: { email: 'weak.legacy@example.com', code, newPassword: 'N3w!Passw0rd-2026' },
    });
    expect(reset.status).toBe(200);
    const login = await call('login', {
      body: { email: 'weak.legacy@example.com', password: 'N3w!Passw0rd-2026' },
    });
    expect(login.status).toBe(200);
  });
});
