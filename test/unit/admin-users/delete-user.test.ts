import { repairReconciliations } from '../../../lambdas/core/workflows/operators/reconciliation';
import { activatedApplicant, adminToken, call, freshWorld } from '../../support/harness';

type Tokens = { accessToken: string; refreshToken: string };

describe('deleteUser (DELETE /admin/users/{userId})', () => {
  let world: ReturnType<typeof freshWorld>;
  let admin: string;
  beforeEach(async () => {
    world = freshWorld();
    admin = await adminToken(world);
  });

  const idOf = async (email: string) => (await world.users.findByEmail(email))?.userId as string;

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
