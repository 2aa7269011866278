import type { Reconciliation } from '../../../lambdas/core/ports/reconciliation-log';
import {
  findOrphanedRecords,
  repairOrphanedRecords,
} from '../../../lambdas/core/workflows/operators/orphaned-records';
import { repairReconciliations } from '../../../lambdas/core/workflows/operators/reconciliation';
import { activatedApplicant, adminToken, call, freshWorld } from '../../support/harness';

describe('repairReconciliations (npm run reconcile -- repair)', () => {
  let world: ReturnType<typeof freshWorld>;
  const ports = () => ({
    directory: world.cognito.directory,
    users: world.users,
    admins: world.admins,
    usernames: world.usernames,
    reconciliations: world.reconciliations,
    clock: world.clock,
  });
  beforeEach(() => {
    world = freshWorld();
  });

  async function orphan(email: string): Promise<Reconciliation> {
    const user = await world.cognito.directory.createUser({ email });
    const entry: Reconciliation = {
      id: `rec-${email}`,
      kind: 'orphan-cognito-user',
      username: user.username,
      email,
      actor: 'root',
      correlationId: 'c',
      createdAt: world.clock().toISOString(),
      errors: ['Boom'],
      status: 'pending',
    };
    await world.reconciliations.record(entry);
    return entry;
  }

  it('deletes an orphan Cognito user and resolves its record', async () => {
    await orphan('orphan@example.com');

    const outcomes = await repairReconciliations(ports());

    expect(outcomes).toEqual([
      { id: 'rec-orphan@example.com', email: 'orphan@example.com', action: 'deleted' },
    ]);
    await expect(world.cognito.directory.getUser('orphan@example.com')).resolves.toBeUndefined();
    await expect(world.reconciliations.pending()).resolves.toEqual([]);
  });

  it('only resolves the record when the user turns out to have its records', async () => {
    const entry = await orphan('complete@example.com');
    await world.users.create({
      userId: entry.username as string,
      email: entry.email,
      status: 'active',
      role: 'admin',
      emailVerified: true,
      mfa: { enabled: false, required: false },
      createdAt: 'x',
      updatedAt: 'x',
    });

    const outcomes = await repairReconciliations(ports());

    expect(outcomes).toEqual([expect.objectContaining({ action: 'complete' })]);
    await expect(world.cognito.directory.getUser('complete@example.com')).resolves.toBeDefined();
  });

  it('reports a failed repair and keeps the record pending; repairs one id on request', async () => {
    await orphan('a@example.com');
    await orphan('b@example.com');
    jest
      .spyOn(world.cognito.directory, 'deleteUser')
      .mockRejectedValueOnce(Object.assign(new Error('x'), { name: 'Throttled' }));

    const first = await repairReconciliations(ports(), 'rec-a@example.com');

    expect(first).toEqual([
      { id: 'rec-a@example.com', email: 'a@example.com', action: 'failed', error: 'Throttled' },
    ]);
    expect((await world.reconciliations.pending()).map((r) => r.id).sort()).toEqual([
      'rec-a@example.com',
      'rec-b@example.com',
    ]);
  });
});

describe('orphaned Users records: a user who deleted themselves with Cognito DeleteUser', () => {
  it('cannot act, is not a live user to an admin, is listed by reconcile and removed by its repair', async () => {
    const world = freshWorld();
    const admin = await adminToken(world);
    const tokens = await activatedApplicant(world, 'gone@example.com');
    const userId = (await world.users.findByEmail('gone@example.com'))?.userId as string;

    await world.cognito.api.call('DeleteUser', { AccessToken: tokens.accessToken });

    expect((await call('getProfile', { token: tokens.accessToken })).status).toBe(401);
    const seen = await call('getUser', { token: admin, pathParameters: { userId } });
    expect(seen.body).toMatchObject({ enabled: false });
    expect(seen.body).not.toHaveProperty('cognitoStatus');
    const ports = {
      users: world.users,
      directory: world.cognito.directory,
      admins: world.admins,
      usernames: world.usernames,
      inspector: world.cognito.inspector,
    };
    const reads = jest.spyOn(world.cognito.directory, 'getUser');
    const orphans = await findOrphanedRecords(ports);
    // Cognito was read by pages of usernames; only the one record missing there was asked about.
    expect(reads.mock.calls.map(([id]) => id)).toEqual([userId]);
    expect(orphans.map((o) => o.email)).toEqual(['gone@example.com']);
    await expect(repairOrphanedRecords(ports, orphans)).resolves.toEqual([
      { userId, email: 'gone@example.com', action: 'removed' },
    ]);
    expect(await world.users.get(userId)).toBeUndefined();
    expect(await findOrphanedRecords(ports)).toEqual([]);
  });
});
