import { createHash } from 'node:crypto';
import { IdempotencyKeyReusedError, UserExistsError } from '../../domain/errors';
import type { Caller } from '../../domain/tokens';
import { type CognitoUserStatus, toUser, type User } from '../../domain/user';
import { log } from '../../log';
import type { AdminInfoRecord, AdminStore } from '../../ports/admin-store';
import type { IdempotencyStore } from '../../ports/idempotency-store';
import type { UserStore } from '../../ports/user-store';
import { WORST_CALL_MS } from '../../timeouts';
import {
  createAdminDatabaseRecords,
  createAdminUser,
  GroupAssignmentError,
} from '../common/admin-provisioning-steps';
import {
  assertTimeFor,
  closeSaga,
  compensateUser,
  openSaga,
  type SagaBudget,
  type SagaPorts,
} from '../common/saga';

/** The API's AdminInfo (internal fields left out). */
export interface AdminInfo {
  userId: string;
  createdBy: string;
  createdAt: string;
  invitedAt?: string;
}

export interface ProvisioningPorts extends SagaPorts {
  admins: AdminStore;
  users: UserStore;
  idempotency: IdempotencyStore;
}

/** How long an Idempotency-Key is bound to its first request. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

export {
  createAdminDatabaseRecords,
  createAdminUser,
  GroupAssignmentError,
} from '../common/admin-provisioning-steps';
export { COMPENSATION_RETRIES } from '../common/saga';

/**
 * Provisioning's time budget: a forward step starts only if it and one
 * compensation attempt plus the reconciliation record still fit, with 0.5 s
 * to spare (the HTTP preset answers before the function times out).
 */
export const PROVISIONING_BUDGET: SagaBudget = { callMs: WORST_CALL_MS, reserveMs: 2 * WORST_CALL_MS + 500 };

/**
 * provisionNewAdmin — an existing admin creates a new admin, in Cognito and in
 * the database, all or nothing.
 *
 * How it is authorized: the route is `admin` in the registry, so API Gateway's
 * Cognito authorizer requires a valid access token (401 UNAUTHENTICATED
 * without one) and the HTTP preset requires `cognito:groups` to contain
 * `admin` (403 FORBIDDEN otherwise) before this function runs; `actor` is
 * that verified caller.
 *
 * Steps (a saga): 1. createAdminUser (Cognito user + invitation email, then the
 * `admin` group); 2. createAdminDatabaseRecords (one transaction).
 * Partial failure:
 * - step 1 creation fails: nothing was written; the error is surfaced
 *   (UserExistsError -> 409 USER_EXISTS, anything else -> 500 INTERNAL);
 * - the group step or step 2 fails: the Cognito user is deleted
 *   (`AdminDeleteUser`, idempotent, retried with backoff) and the original
 *   error is surfaced (500 INTERNAL);
 * - the deletion still fails: a durable reconciliation record (who, what,
 *   when, correlation id) is written and an error line logged; the original
 *   error is still surfaced. `npm run reconcile` lists and repairs them.
 * A retried request with the same Idempotency-Key by the same admin replays
 * the first answer instead of 409.
 *
 * @returns `{ created: true, user, adminInfo }`, or `{ created: false, ... }`
 *   for a replay (the route answers both 201, a replay being the first answer
 *   again); every attempt writes one audit log line.
 */
export async function provisionNewAdmin(
  ports: ProvisioningPorts,
  input: {
    actor: Caller;
    email: string;
    correlationId: string;
    idempotencyKey?: string;
    /** Only for operator tooling (a local bootstrap admin); the API lets Cognito generate it. */
    temporaryPassword?: string;
  },
): Promise<{ created: boolean; user: User; adminInfo: AdminInfo }> {
  const audit = (outcome: string) =>
    log('info', 'audit', {
      action: 'provisionNewAdmin',
      actor: input.actor.sub,
      target: input.email,
      outcome,
      correlationId: input.correlationId,
    });
  const keyHash = input.idempotencyKey
    ? createHash('sha256').update(`${input.actor.sub}:${input.idempotencyKey}`).digest('hex')
    : undefined;
  const budget = PROVISIONING_BUDGET;
  if (keyHash) {
    // The key is bound to the request it came with: reused for another one, it is refused.
    const requestHash = createHash('sha256').update(input.email).digest('hex');
    const claim = await ports.idempotency.claim(keyHash, requestHash, IDEMPOTENCY_TTL_SECONDS);
    if (claim === 'different') {
      audit('idempotency-key-reused');
      throw new IdempotencyKeyReusedError();
    }
  }

  // Before any external write: if this fails, nothing has been created.
  assertTimeFor(ports, budget, 'write-ahead record');
  const saga = await openSaga(ports, input);
  /** Undoes the Cognito user after `cause`, audits how that went, and hands `cause` back to be thrown. */
  const rollBack = async (username: string, cause: unknown) => {
    const undone = await compensateUser(ports, budget, saga, username, [cause]);
    audit(undone ? 'rolled-back' : 'reconciliation-pending');
    return cause;
  };

  let account: { username: string; status: CognitoUserStatus };
  try {
    assertTimeFor(ports, budget, 'AdminCreateUser');
    account = await createAdminUser(ports.directory, input.email, input.temporaryPassword, () =>
      assertTimeFor(ports, budget, 'AdminAddUserToGroup'),
    );
  } catch (error) {
    if (error instanceof GroupAssignmentError) throw await rollBack(error.username, error.cause);
    // Nothing was created (or the account is someone else's): the saga is over.
    await closeSaga(ports, saga);
    if (error instanceof UserExistsError && keyHash) {
      const replay = await replayed(ports, input.email, keyHash);
      if (replay) {
        audit('replayed');
        return replay;
      }
    }
    audit(error instanceof UserExistsError ? 'exists' : 'failed');
    throw error;
  }

  try {
    assertTimeFor(ports, budget, 'TransactWriteItems');
    const records = await createAdminDatabaseRecords(ports.admins, {
      email: input.email,
      cognitoUsername: account.username,
      createdBy: input.actor.sub,
      now: ports.clock(),
      ...(keyHash ? { idempotencyKey: keyHash } : {}),
    });
    await closeSaga(ports, saga);
    audit('created');
    return {
      created: true,
      user: toUser(records.user, { status: account.status, enabled: true }),
      adminInfo: toAdminInfo(records.adminInfo),
    };
  } catch (error) {
    throw await rollBack(account.username, error);
  }
}

/** The first answer for this Idempotency-Key, when the existing admin was created by it. */
async function replayed(ports: ProvisioningPorts, email: string, keyHash: string) {
  // A concurrent first request may still be writing its records: wait briefly.
  for (let i = 0; i < 10; i++) {
    const account = await ports.directory.getUser(email);
    const adminInfo = account ? await ports.admins.getAdminInfo(account.sub) : undefined;
    if (account && adminInfo) {
      if (adminInfo.idempotencyKey !== keyHash) return undefined;
      const user = await ports.users.get(account.sub);
      if (!user) return undefined;
      return {
        created: false,
        user: toUser(user, { status: account.status, enabled: account.enabled }),
        adminInfo: toAdminInfo(adminInfo),
      };
    }
    await ports.sleep(100);
  }
  return undefined;
}

function toAdminInfo(record: AdminInfoRecord): AdminInfo {
  const { idempotencyKey: _internal, ...info } = record;
  return info;
}
