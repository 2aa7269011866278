import {
  PROVISIONING_BUDGET,
  type ProvisioningPorts,
  provisionNewAdmin,
} from '../../../lambdas/core/workflows/admins/provision-new-admin';
import { SagaDeadlineError } from '../../../lambdas/core/workflows/common/saga';
import { repairReconciliations } from '../../../lambdas/core/workflows/operators/reconciliation';
import { freshWorld } from '../../support/harness';

const actor = { sub: 'root-sub', username: 'root-sub', groups: ['admin'] };
const EMAIL = 'new.admin@example.com';

function ports(world: ReturnType<typeof freshWorld>, remainingMs?: () => number): ProvisioningPorts {
  return {
    directory: world.cognito.directory,
    admins: world.admins,
    users: world.users,
    idempotency: world.idempotency,
    reconciliations: world.reconciliations,
    clock: world.clock,
    sleep: async () => undefined,
    ...(remainingMs ? { remainingMs } : {}),
  };
}

const provision = (p: ProvisioningPorts) =>
  provisionNewAdmin(p, { actor, email: EMAIL, correlationId: 'corr-1' });
const enough = PROVISIONING_BUDGET.callMs + PROVISIONING_BUDGET.reserveMs;

describe('provisionNewAdmin within its time budget', () => {
  it('writes a write-ahead record before the first external write, and closes it at the end', async () => {
    const world = freshWorld();
    let pendingAtCreate: unknown[] = [];
    const create = world.cognito.directory.createUser.bind(world.cognito.directory);
    jest.spyOn(world.cognito.directory, 'createUser').mockImplementation(async (input) => {
      pendingAtCreate = await world.reconciliations.pending();
      return create(input);
    });

    await provision(ports(world));

    expect(pendingAtCreate).toEqual([
      expect.objectContaining({ kind: 'provisioning-in-progress', email: EMAIL, actor: 'root-sub' }),
    ]);
    await expect(world.reconciliations.pending()).resolves.toEqual([]);
  });

  it('creates nothing when the write-ahead record cannot be written', async () => {
    const world = freshWorld();
    jest.spyOn(world.reconciliations, 'record').mockRejectedValue(new Error('table gone'));

    await expect(provision(ports(world))).rejects.toThrow('table gone');
    await expect(world.cognito.directory.getUser(EMAIL)).resolves.toBeUndefined();
  });

  it('does not start when there is no time to undo its first step', async () => {
    const world = freshWorld();

    await expect(provision(ports(world, () => enough - 1))).rejects.toBeInstanceOf(SagaDeadlineError);
    await expect(world.cognito.directory.getUser(EMAIL)).resolves.toBeUndefined();
    await expect(world.reconciliations.pending()).resolves.toEqual([]);
  });

  it('compensates instead of going on when time runs out after AdminCreateUser', async () => {
    const world = freshWorld();
    let left = 10_000;
    const create = world.cognito.directory.createUser.bind(world.cognito.directory);
    jest.spyOn(world.cognito.directory, 'createUser').mockImplementation(async (input) => {
      const user = await create(input);
      left = enough - 1; // the Cognito call was slow
      return user;
    });

    await expect(provision(ports(world, () => left))).rejects.toBeInstanceOf(SagaDeadlineError);

    await expect(world.cognito.directory.getUser(EMAIL)).resolves.toBeUndefined();
    await expect(world.users.findByEmail(EMAIL)).resolves.toBeUndefined();
    await expect(world.reconciliations.pending()).resolves.toEqual([]);
  });

  it('leaves a cut-off run listed, and repair deletes the half-created admin it left', async () => {
    const world = freshWorld();
    // The invocation dies during the transaction: it never returns.
    jest.spyOn(world.admins, 'createAdminRecords').mockReturnValue(new Promise(() => undefined));

    void provision(ports(world));
    await new Promise((r) => setTimeout(r, 20));

    const [pending] = await world.reconciliations.pending();
    expect(pending).toMatchObject({ kind: 'provisioning-in-progress', email: EMAIL });
    await expect(world.cognito.directory.getUser(EMAIL)).resolves.toBeDefined();
    const repaired = await repairReconciliations(
      {
        directory: world.cognito.directory,
        users: world.users,
        admins: world.admins,
        usernames: world.usernames,
        reconciliations: world.reconciliations,
        clock: world.clock,
      },
      pending?.id,
    );
    expect(repaired).toEqual([expect.objectContaining({ action: 'deleted' })]);
    await expect(world.cognito.directory.getUser(EMAIL)).resolves.toBeUndefined();
  });

  it('never lets repair touch an account of that email that the saga did not create', async () => {
    const world = freshWorld();
    const existing = await world.cognito.directory.createUser({
      email: EMAIL,
      attributes: { 'custom:role': 'user' },
    });
    await world.reconciliations.record({
      id: 'cut-off',
      kind: 'provisioning-in-progress',
      email: EMAIL,
      actor: 'root-sub',
      correlationId: 'c',
      createdAt: world.clock().toISOString(),
      errors: [],
      status: 'pending',
    });

    const repaired = await repairReconciliations({
      directory: world.cognito.directory,
      users: world.users,
      admins: world.admins,
      usernames: world.usernames,
      reconciliations: world.reconciliations,
      clock: world.clock,
    });

    expect(repaired).toEqual([expect.objectContaining({ action: 'nothing-created' })]);
    await expect(world.cognito.directory.getUser(EMAIL)).resolves.toMatchObject({ sub: existing.sub });
  });
});
