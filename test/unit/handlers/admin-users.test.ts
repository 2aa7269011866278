import { totpCode } from '../../../lambdas/core/domain/totp';
import { repairReconciliations } from '../../../lambdas/core/workflows/operators/reconciliation';
import {
  activatedApplicant,
  adminToken,
  call,
  freshWorld,
  STRONG_PASSWORD,
  submitApplication,
} from '../../support/harness';

type User = {
  userId: string;
  email: string;
  status: string;
  role: string;
  enabled?: boolean;
  mfa: Record<string, unknown>;
  cognitoStatus?: string;
  name?: string;
};
type Tokens = { accessToken: string; refreshToken: string };

describe('admin user operations', () => {
  let world: ReturnType<typeof freshWorld>;
  let admin: string;
  let adminId: string;
  beforeEach(async () => {
    world = freshWorld();
    admin = await adminToken(world);
    adminId = (await world.users.findByEmail('root-admin@example.com'))?.userId as string;
  });

  const idOf = async (email: string) => (await world.users.findByEmail(email))?.userId as string;
  const act = (userId: string, action: string, token = admin) =>
    call<User>('userAction', { token, pathParameters: { userId, action } });

  describe('listUsers (GET /admin/users)', () => {
    it('pages with an opaque cursor, filters by email exactly, and refuses a tampered or foreign cursor', async () => {
      for (const n of [1, 2, 3]) await submitApplication({ email: `p${n}@example.com` });
      const first = await call<{ users: User[]; nextCursor?: string }>('listUsers', {
        token: admin,
        query: { limit: '2' },
      });
      expect(first.status).toBe(200);
      expect(first.body.users).toHaveLength(2);
      const second = await call<{ users: User[]; nextCursor?: string }>('listUsers', {
        token: admin,
        query: { limit: '2', cursor: first.body.nextCursor as string },
      });
      expect(second.body.users).toHaveLength(2); // 4 records: 3 applicants and the admin
      expect(second.body.nextCursor).toBeUndefined();
      const all = [...first.body.users, ...second.body.users].map((u) => u.email).sort();
      expect(all).toEqual(['p1@example.com', 'p2@example.com', 'p3@example.com', 'root-admin@example.com']);

      const byEmail = await call<{ users: User[] }>('listUsers', {
        token: admin,
        query: { email: ' P2@Example.com ' },
      });
      expect(byEmail.body.users.map((u) => u.email)).toEqual(['p2@example.com']);

      const cursor = first.body.nextCursor as string;
      const tampered = `${cursor.slice(0, -2)}${cursor.endsWith('A') ? 'B' : 'A'}`;
      for (const query of <Array<Record<string, string>>>[
        { cursor: tampered },
        { cursor, email: 'p2@example.com' },
        { cursor: 'not-a-cursor' },
        { limit: '61' },
        { limit: '0' },
      ]) {
        const refused = await call('listUsers', { token: admin, query });
        expect(refused).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_ERROR' } } });
      }
    });

    it('is for admins only', async () => {
      const tokens = (await activatedApplicant(world, 'jane@example.com')) as Tokens;
      expect((await call('listUsers', { token: tokens.accessToken })).status).toBe(403);
      expect((await call('listUsers')).status).toBe(401);
    });
  });

  describe('getUser (GET /admin/users/{userId})', () => {
    it('answers the User with Cognito state, and 404 for an unknown id', async () => {
      await submitApplication({ email: 'jane@example.com' });
      const user = await call<User>('getUser', {
        token: admin,
        pathParameters: { userId: await idOf('jane@example.com') },
      });
      expect(user.body).toMatchObject({
        email: 'jane@example.com',
        status: 'pending_verification',
        cognitoStatus: 'FORCE_CHANGE_PASSWORD',
        enabled: true,
        cognitoMfa: { methods: [] },
      });
      const unknown = await call('getUser', {
        token: admin,
        pathParameters: { userId: '00000000-0000-0000-0000-000000000000' },
      });
      expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    });
  });

  describe('actions (POST /admin/users/{userId}/{action})', () => {
    it('approves an applicant through the ladder, and refuses a move it does not allow', async () => {
      await activatedApplicant(world, 'jane@example.com');
      const id = await idOf('jane@example.com');
      expect((await act(id, 'approve')).body).toMatchObject({ status: 'pending_mfa' });
      expect(await act(id, 'approve')).toMatchObject({
        status: 409,
        body: { error: { code: 'INVALID_TRANSITION' } },
      });
      expect(await act(id, 'dance')).toMatchObject({
        status: 400,
        body: { error: { code: 'VALIDATION_ERROR' } },
      });
    });

    it('disables a user: their held token stops at once; enable restores the status before', async () => {
      const tokens = (await activatedApplicant(world, 'jane@example.com')) as Tokens;
      const id = await idOf('jane@example.com');
      world.advance(1000);
      const disabled = await act(id, 'disable');
      expect(disabled.body).toMatchObject({ status: 'disabled', enabled: false });
      expect((await call('getProfile', { token: tokens.accessToken })).status).toBe(401);
      expect((await call('refreshTokens', { body: { refreshToken: tokens.refreshToken } })).status).toBe(401);
      expect(
        (await call('login', { body: { email: 'jane@example.com', password: STRONG_PASSWORD } })).status,
      ).toBe(401);

      const enabled = await act(id, 'enable');
      expect(enabled.body).toMatchObject({ status: 'pending_approval', enabled: true });
      world.advance(2000);
      const login = await call<{ tokens: Tokens }>('login', {
        body: { email: 'jane@example.com', password: STRONG_PASSWORD },
      });
      expect((await call('getProfile', { token: login.body.tokens.accessToken })).status).toBe(200);
    });

    it('refuses to suspend, disable or delete oneself with 409 CANNOT_TARGET_SELF', async () => {
      for (const action of ['suspend', 'disable'])
        expect(await act(adminId, action)).toMatchObject({
          status: 409,
          body: { error: { code: 'CANNOT_TARGET_SELF' } },
        });
      expect(await call('deleteUser', { token: admin, pathParameters: { userId: adminId } })).toMatchObject({
        status: 409,
      });
    });

    it('reset-password: Cognito mails a code, the old password and the held token stop working', async () => {
      const tokens = (await activatedApplicant(world, 'jane@example.com')) as Tokens;
      world.advance(1000);
      await act(await idOf('jane@example.com'), 'reset-password');
      expect((await call('getProfile', { token: tokens.accessToken })).status).toBe(401);
      const login = await call('login', { body: { email: 'jane@example.com', password: STRONG_PASSWORD } });
      expect(login).toMatchObject({ status: 401, body: { error: { code: 'PASSWORD_RESET_REQUIRED' } } });
      const code = world.outbox
        .list('jane@example.com')
        .filter((m) => m.kind === 'RESET_CODE')
        .at(-1)?.secret;
      const reset = await call('resetPassword', {
        body: { email: 'jane@example.com', code, newPassword: 'N3w!Passw0rd-2026' },
      });
      expect(reset.status).toBe(200);
    });

    it('require-mfa: a user without TOTP is held at enrolment until they enrol, then may not disable it', async () => {
      const tokens = (await activatedApplicant(world, 'jane@example.com')) as Tokens;
      const id = await idOf('jane@example.com');
      expect((await act(id, 'require-mfa')).body).toMatchObject({ mfa: { enabled: false, required: true } });
      const held = await call('disableMfa', { token: tokens.accessToken });
      expect(held).toMatchObject({ status: 403, body: { error: { code: 'MFA_ENROLMENT_REQUIRED' } } });
      expect((await call('getProfile', { token: tokens.accessToken })).status).toBe(200);

      const start = await call<{ secretCode: string }>('startTotpEnrollment', { token: tokens.accessToken });
      world.advance(30_000);
      const code = totpCode(start.body.secretCode, world.clock().getTime());
      expect((await call('verifyTotpEnrollment', { token: tokens.accessToken, body: { code } })).status).toBe(
        200,
      );
      expect(await call('disableMfa', { token: tokens.accessToken })).toMatchObject({
        status: 409,
        body: { error: { code: 'MFA_REQUIRED' } },
      });
    });

    it('sign-out revokes every token the user holds', async () => {
      const tokens = (await activatedApplicant(world, 'jane@example.com')) as Tokens;
      world.advance(1000);
      expect((await act(await idOf('jane@example.com'), 'sign-out')).status).toBe(200);
      expect((await call('getProfile', { token: tokens.accessToken })).status).toBe(401);
      expect((await call('refreshTokens', { body: { refreshToken: tokens.refreshToken } })).status).toBe(401);
    });
  });

  describe('password, attributes, MFA preference', () => {
    it('sets a permanent password (policy errors 400 INVALID_PASSWORD) and revokes held tokens', async () => {
      const tokens = (await activatedApplicant(world, 'jane@example.com')) as Tokens;
      const id = await idOf('jane@example.com');
      const weak = await call('setUserPassword', {
        token: admin,
        pathParameters: { userId: id },
        body: { password: 'weak', permanent: true },
      });
      expect(weak).toMatchObject({ status: 400, body: { error: { code: 'INVALID_PASSWORD' } } });
      world.advance(1000);
      const set = await call<User>('setUserPassword', {
        token: admin,
        pathParameters: { userId: id },
        body: { password: 'Adm1n!Set-2026', permanent: true },
      });
      expect(set.body).toMatchObject({ cognitoStatus: 'CONFIRMED' });
      expect((await call('getProfile', { token: tokens.accessToken })).status).toBe(401);
      expect(
        (await call('login', { body: { email: 'jane@example.com', password: 'Adm1n!Set-2026' } })).status,
      ).toBe(200);
    });

    it('changes allowed attributes in Cognito and Users; refuses every other name', async () => {
      await submitApplication({ email: 'jane@example.com' });
      const id = await idOf('jane@example.com');
      const changed = await call<User>('updateUserAttributes', {
        token: admin,
        pathParameters: { userId: id },
        body: { attributes: { name: 'Jane Doe', 'custom:organizationId': 'org-7' } },
      });
      expect(changed.body).toMatchObject({ name: 'Jane Doe', organizationId: 'org-7' });
      expect((await world.cognito.directory.getUser(id))?.attributes).toMatchObject({
        name: 'Jane Doe',
        'custom:organizationId': 'org-7',
      });
      for (const attributes of [
        { email: 'x@example.com' },
        { email_verified: 'true' },
        { 'custom:username': 'x' },
        { 'custom:legacy_id': '1' },
        { 'custom:role': 'admin' },
      ]) {
        const refused = await call('updateUserAttributes', {
          token: admin,
          pathParameters: { userId: id },
          body: { attributes },
        });
        expect(refused).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_ERROR' } } });
      }
      const self = await call('updateUserAttributes', {
        token: admin,
        pathParameters: { userId: adminId },
        body: { attributes: { 'custom:role': 'user' } },
      });
      expect(self).toMatchObject({ status: 409, body: { error: { code: 'CANNOT_TARGET_SELF' } } });
    });

    it('sets the MFA preference; TOTP for a user without a verified app is 400 CODE_MISMATCH', async () => {
      await activatedApplicant(world, 'jane@example.com');
      const id = await idOf('jane@example.com');
      const refused = await call('setUserMfa', {
        token: admin,
        pathParameters: { userId: id },
        body: { totp: true, sms: false },
      });
      expect(refused).toMatchObject({ status: 400, body: { error: { code: 'CODE_MISMATCH' } } });
      const off = await call<User>('setUserMfa', {
        token: admin,
        pathParameters: { userId: id },
        body: { totp: false, sms: false },
      });
      expect(off.body).toMatchObject({ mfa: { enabled: false, required: false } });
    });
  });

  describe('the audit trail', () => {
    it('writes one audit line per admin call (actor, action, target, outcome, correlation id), no secret', async () => {
      const previous = process.env.LOG_LEVEL;
      process.env.LOG_LEVEL = 'info';
      const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
      try {
        await submitApplication({ email: 'jane@example.com' });
        const id = await idOf('jane@example.com');
        info.mockClear();
        await call('getUser', { token: admin, pathParameters: { userId: id } });
        await call('listUsers', { token: admin });
        await call('setUserPassword', {
          token: admin,
          pathParameters: { userId: id },
          body: { password: 'Adm1n!Set-2026', permanent: true },
        });
        await act(id, 'approve'); // refused by the ladder: audited as refused
        await call('poolStatus', { token: admin });
        await call('probeConnection', { token: admin });
        await call('deleteUser', { token: admin, pathParameters: { userId: id } });
        const lines = info.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, string>);
        const audits = lines.filter((l) => l.event === 'audit');
        expect(audits.map((a) => [a.action, a.outcome])).toEqual([
          ['getUser', 'done'],
          ['listUsers', 'done'],
          ['setUserPassword', 'done'],
          ['user:approve', 'refused:InvalidTransitionError'],
          ['poolStatus', 'done'],
          ['probeConnection', 'ok'],
          ['deleteUser', 'deleted'],
        ]);
        for (const a of audits)
          expect(a).toMatchObject({ actor: adminId, correlationId: expect.any(String) });
        expect(JSON.stringify(lines)).not.toContain('Adm1n!Set-2026');
      } finally {
        info.mockRestore();
        process.env.LOG_LEVEL = previous;
      }
    });
  });

  describe('deleteUser (DELETE /admin/users/{userId})', () => {
    it('deletes from Cognito and the tables: 204, again 204, then 404; the held token is refused', async () => {
      const tokens = (await activatedApplicant(world, 'jane@example.com')) as Tokens;
      const id = await idOf('jane@example.com');
      expect((await call('deleteUser', { token: admin, pathParameters: { userId: id } })).status).toBe(204);
      expect((await call('deleteUser', { token: admin, pathParameters: { userId: id } })).status).toBe(204);
      expect((await call('getUser', { token: admin, pathParameters: { userId: id } })).status).toBe(404);
      expect(await world.cognito.directory.getUser('jane@example.com')).toBeUndefined();
      expect((await call('getProfile', { token: tokens.accessToken })).status).toBe(401);
      expect(await world.reconciliations.pending()).toEqual([]);
    });

    it('a deletion that stops part-way leaves the user locked out and a pending record that reconcile finishes', async () => {
      const tokens = (await activatedApplicant(world, 'jane@example.com')) as Tokens;
      const id = await idOf('jane@example.com');
      const directory = world.cognito.directory;
      const original = directory.deleteUser.bind(directory);
      directory.deleteUser = async () => {
        throw Object.assign(new Error('timed out'), { name: 'TimeoutError' });
      };
      try {
        expect((await call('deleteUser', { token: admin, pathParameters: { userId: id } })).status).toBe(500);
      } finally {
        directory.deleteUser = original;
      }
      expect((await call('getProfile', { token: tokens.accessToken })).status).toBe(401);
      expect((await world.users.get(id))?.status).toBe('disabled');
      const [pending] = await world.reconciliations.pending();
      expect(pending).toMatchObject({ kind: 'deletion-in-progress', username: id, errors: ['TimeoutError'] });

      const repaired = await repairReconciliations({
        directory,
        users: world.users,
        admins: world.admins,
        usernames: world.usernames,
        reconciliations: world.reconciliations,
        clock: world.clock,
      });
      expect(repaired).toEqual([expect.objectContaining({ action: 'deleted' })]);
      expect(await directory.getUser(id)).toBeUndefined();
      expect(await world.users.get(id)).toBeUndefined();
    });
  });
});
