import { type AdminUserView, adminToken, call, freshWorld, submitApplication } from '../../support/harness';

type User = AdminUserView;

describe('the audit trail of admin operations', () => {
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
      await call('listUserPasskeys', { token: admin, pathParameters: { userId: id } });
      await call('removeUserPasskey', {
        token: admin,
        pathParameters: { userId: id, credentialId: 'bm9uZQ' },
      });
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
        ['listUserPasskeys', 'done'],
        ['removeUserPasskey', 'refused:NotFoundError'],
        ['poolStatus', 'done'],
        ['probeConnection', 'ok'],
        ['deleteUser', 'deleted'],
      ]);
      for (const a of audits) expect(a).toMatchObject({ actor: adminId, correlationId: expect.any(String) });
      expect(JSON.stringify(lines)).not.toContain('Adm1n!Set-2026');
    } finally {
      info.mockRestore();
      process.env.LOG_LEVEL = previous;
    }
  });
});
