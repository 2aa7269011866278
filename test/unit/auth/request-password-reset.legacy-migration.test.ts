import * as path from 'node:path';
import { call, freshWorld } from '../../support/harness';

// The mock-mode legacy users: the example file `npm start` documents (docs/api.md "Local server").
process.env.LEGACY_USERS_FILE = path.join(__dirname, '../../../local/legacy-users.example.json');
const LEE = { email: 'lee.legacy@example.com', password: 'Legacy!Passw0rd-2019' };
const LEE_ID = '6f1c3a0e-5b7d-4d43-9a1e-6f0c2e8b9d11';

describe('requestPasswordReset (POST /auth/password/forgot) of a user of the legacy table (mock mode)', () => {
  let world: ReturnType<typeof freshWorld>;
  beforeEach(() => {
    world = freshWorld();
  });
  afterEach(() => jest.restoreAllMocks());

  it('migrates on forgot-password and mails the reset code; an unknown email gets the same 202', async () => {
    const known = await call('requestPasswordReset', { body: { email: LEE.email } });
    const unknown = await call('requestPasswordReset', { body: { email: 'nobody@example.com' } });

    expect(known.status).toBe(202);
    expect(unknown.raw.body).toBe(known.raw.body);
    expect(await world.cognito.directory.getUser(LEE.email)).toMatchObject({ status: 'RESET_REQUIRED' });
    const code = world.outbox.latest(LEE.email, 'RESET_CODE')?.secret as string;
    expect(code).toMatch(/^\d{6}$/);
    await call('resetPassword', { body: { email: LEE.email, code, newPassword: 'N3w!Passw0rd-2026' } });
    const login = await call<{ tokens: { accessToken: string } }>('login', {
      body: { email: LEE.email, password: 'N3w!Passw0rd-2026' },
    });
    const me = await call('getProfile', { token: login.body.tokens.accessToken });
    expect(me.body).toMatchObject({ legacyId: LEE_ID });
  });
});
