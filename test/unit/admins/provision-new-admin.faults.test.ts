import { UserExistsError } from '../../../lambdas/core/domain/errors';
import {
  COMPENSATION_RETRIES,
  type ProvisioningPorts,
  provisionNewAdmin,
} from '../../../lambdas/core/workflows/admins/provision-new-admin';
import { adminToken, call, freshWorld } from '../../support/harness';

const actor = { sub: 'root-sub', username: 'root-sub', groups: ['admin'] };

function ports(world: ReturnType<typeof freshWorld>, sleeps: number[] = []): ProvisioningPorts {
  return {
    directory: world.cognito.directory,
    admins: world.admins,
    users: world.users,
    idempotency: world.idempotency,
    reconciliations: world.reconciliations,
    clock: world.clock,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
}

const provision = (p: ProvisioningPorts, email = 'new.admin@example.com') =>
  provisionNewAdmin(p, { actor, email, correlationId: 'corr-1' });

class Boom extends Error {
  override readonly name = 'Boom';
}

describe('provisionNewAdmin under partial failure', () => {
  let world: ReturnType<typeof freshWorld>;
  beforeEach(() => {
    world = freshWorld();
  });

  async function nothingLeft(email = 'new.admin@example.com') {
    await expect(world.cognito.directory.getUser(email)).resolves.toBeUndefined();
    await expect(world.users.findByEmail(email)).resolves.toBeUndefined();
  }

  it('writes nothing and compensates nothing when the Cognito create fails', async () => {
    jest.spyOn(world.cognito.directory, 'createUser').mockRejectedValueOnce(new Boom());
    const deletes = jest.spyOn(world.cognito.directory, 'deleteUser');

    await expect(provision(ports(world))).rejects.toBeInstanceOf(Boom);

    expect(deletes).not.toHaveBeenCalled();
    await nothingLeft();
  });

  it('surfaces UserExistsError from the create without touching the existing user', async () => {
    await world.cognito.directory.createUser({ email: 'new.admin@example.com' });
    const deletes = jest.spyOn(world.cognito.directory, 'deleteUser');

    await expect(provision(ports(world))).rejects.toBeInstanceOf(UserExistsError);

    expect(deletes).not.toHaveBeenCalled();
    await expect(world.cognito.directory.getUser('new.admin@example.com')).resolves.toBeDefined();
  });

  it('deletes the Cognito user when the group step fails, and surfaces the failure', async () => {
    jest.spyOn(world.cognito.directory, 'addUserToGroup').mockRejectedValueOnce(new Boom());
    const deletes = jest.spyOn(world.cognito.directory, 'deleteUser');

    await expect(provision(ports(world))).rejects.toBeInstanceOf(Boom);

    expect(deletes).toHaveBeenCalledTimes(1);
    await nothingLeft();
    await expect(world.reconciliations.pending()).resolves.toEqual([]);
  });

  it('deletes the Cognito user when the database transaction fails; no record is half-written', async () => {
    jest.spyOn(world.admins, 'createAdminRecords').mockRejectedValueOnce(new Boom());

    await expect(provision(ports(world))).rejects.toBeInstanceOf(Boom);

    await nothingLeft();
  });

  it('retries the compensation with backoff until it succeeds', async () => {
    jest.spyOn(world.admins, 'createAdminRecords').mockRejectedValueOnce(new Boom());
    const realDelete = world.cognito.directory.deleteUser.bind(world.cognito.directory);
    const deletes = jest
      .spyOn(world.cognito.directory, 'deleteUser')
      .mockRejectedValueOnce(new Boom())
      .mockRejectedValueOnce(new Boom())
      .mockImplementation(realDelete);
    const sleeps: number[] = [];

    await expect(provision(ports(world, sleeps))).rejects.toBeInstanceOf(Boom);

    expect(deletes).toHaveBeenCalledTimes(3);
    expect(sleeps).toEqual([COMPENSATION_RETRIES.baseDelayMs, COMPENSATION_RETRIES.baseDelayMs * 4]);
    await nothingLeft();
    await expect(world.reconciliations.pending()).resolves.toEqual([]);
  });

  it('records a durable reconciliation and logs an error when the compensation keeps failing', async () => {
    jest.spyOn(world.admins, 'createAdminRecords').mockRejectedValueOnce(new Boom());
    jest.spyOn(world.cognito.directory, 'deleteUser').mockRejectedValue(new Boom());
    const errors: string[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((line: unknown) => {
      errors.push(String(line));
    });
    const audits: Array<Record<string, unknown>> = [];
    const quiet = jest.spyOn(console, 'info').mockImplementation((line: unknown) => {
      if (String(line).includes('"event":"audit"')) audits.push(JSON.parse(String(line)));
    });
    process.env.LOG_LEVEL = 'info';
    let orphan: string | undefined;
    try {
      await expect(provision(ports(world))).rejects.toBeInstanceOf(Boom);
      orphan = (await world.cognito.directory.getUser('new.admin@example.com'))?.username;
    } finally {
      process.env.LOG_LEVEL = 'silent';
      spy.mockRestore();
      quiet.mockRestore();
    }

    expect(await world.reconciliations.pending()).toEqual([
      {
        id: expect.any(String),
        kind: 'orphan-cognito-user',
        username: orphan,
        email: 'new.admin@example.com',
        actor: 'root-sub',
        correlationId: 'corr-1',
        createdAt: expect.any(String),
        errors: ['Boom', 'Boom', 'Boom', 'Boom'],
        status: 'pending',
      },
    ]);
    expect(errors.some((l) => l.includes('"event":"compensation failed"') && l.includes('corr-1'))).toBe(
      true,
    );
    expect(audits).toEqual([
      expect.objectContaining({ outcome: 'reconciliation-pending', correlationId: 'corr-1' }),
    ]);
    // No records were written: the orphan is only in Cognito, and known.
    await expect(world.users.findByEmail('new.admin@example.com')).resolves.toBeUndefined();
  });

  it('still logs everything, and still surfaces the original error, when the reconciliation write fails too', async () => {
    jest.spyOn(world.admins, 'createAdminRecords').mockRejectedValueOnce(new Boom());
    jest.spyOn(world.cognito.directory, 'deleteUser').mockRejectedValue(new Boom());
    // The write-ahead record goes through; the orphan record after the failed compensation does not.
    const record = world.reconciliations.record.bind(world.reconciliations);
    jest
      .spyOn(world.reconciliations, 'record')
      .mockImplementationOnce(record)
      .mockRejectedValue(new Error('table gone'));
    const errors: string[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((line: unknown) => {
      errors.push(String(line));
    });
    const quiet = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    process.env.LOG_LEVEL = 'info';
    try {
      await expect(provision(ports(world))).rejects.toBeInstanceOf(Boom);
    } finally {
      process.env.LOG_LEVEL = 'silent';
      spy.mockRestore();
      quiet.mockRestore();
    }

    const last = errors.find((l) => l.includes('reconciliation record not written'));
    expect(last).toBeDefined();
    expect(JSON.parse(last as string)).toMatchObject({
      kind: 'orphan-cognito-user',
      email: 'new.admin@example.com',
      actor: 'root-sub',
      correlationId: 'corr-1',
    });
  });

  it('answers 500 INTERNAL over HTTP for a rolled-back provisioning, with no detail', async () => {
    const token = await adminToken(world);
    jest.spyOn(world.admins, 'createAdminRecords').mockRejectedValueOnce(new Boom('secret detail'));

    const answer = await call('provisionNewAdmin', { token, body: { email: 'new.admin@example.com' } });

    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      error: { code: 'INTERNAL', message: expect.not.stringContaining('secret') },
    });
    await nothingLeft();
  });
});
