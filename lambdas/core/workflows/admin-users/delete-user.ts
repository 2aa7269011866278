import { InvalidTransitionError, NotFoundError } from '../../domain/errors';
import { nextStatus } from '../../domain/onboarding';
import type { UserRecord } from '../../domain/user';
import { log } from '../../log';
import type { AdminStore } from '../../ports/admin-store';
import type { UserStore } from '../../ports/user-store';
import type { UsernameRegistry } from '../../ports/username-registry';
import type { AdminRequest } from '../common/admin-request';
import { assertNotSelf } from '../common/admin-request';
import { auditEntry, audited } from '../common/audit';
import { assertTimeFor, closeSaga, nameOf, openSaga, type SagaBudget, type SagaPorts } from '../common/saga';

export interface DeletionPorts extends SagaPorts {
  users: UserStore;
  admins: AdminStore;
  usernames: UsernameRegistry;
}

/** One Admin* or DynamoDB call at its worst, and what is kept free to write the record of a stop. */
export const DELETION_BUDGET: SagaBudget = { callMs: 2_500, reserveMs: 1_500 };

/**
 * deleteUser — `DELETE /admin/users/{userId}`, the second saga. Deleting
 * cannot be undone, so it recovers forward instead of compensating:
 * 1. a write-ahead `deletion-in-progress` record (nothing happens without it);
 * 2. lock out first: the record `disabled` with `tokensValidAfter`, and
 *    AdminDisableUser — from here the user's tokens are refused, whatever fails later;
 * 3. AdminDeleteUser, then the username reservation, the `AdminInfo` and the
 *    `Users` records (each idempotent);
 * 4. the write-ahead record resolved.
 * Each step first checks there is time left for it and for recording a stop.
 * A stop leaves the write-ahead record pending (with the error names): the
 * admin's retry, or `npm run reconcile`, runs the remaining steps. Deleting
 * a user who is already gone is `204` again, also while another deletion of
 * the same user is under way (every step accepts what the other one did).
 */
export async function deleteUser(ports: DeletionPorts, request: AdminRequest): Promise<void> {
  assertNotSelf(request);
  const entry = auditEntry('deleteUser', request, request.userId);
  await audited(
    entry,
    async () => {
      const [record, account] = await Promise.all([
        ports.users.get(request.userId),
        ports.directory.getUser(request.userId),
      ]);
      if (!record && !account) return;
      const saga = await openSaga(ports, {
        kind: 'deletion-in-progress',
        username: request.userId,
        email: record?.email ?? account?.email ?? '',
        actor: request.actor,
        correlationId: request.correlationId,
      });
      try {
        if (record) await lockOut(ports.users, record, ports.clock());
        await finishDeletion(ports, request.userId, account !== undefined);
      } catch (error) {
        log('error', 'deletion stopped', {
          reconciliationId: saga.id,
          error: nameOf(error),
          correlationId: request.correlationId,
        });
        await ports.reconciliations.record({ ...saga, errors: [nameOf(error)] }).catch(() => undefined);
        throw error;
      }
      await closeSaga(ports, saga);
    },
    'deleted',
  );
}

/** Steps 2b-3, also run by `npm run reconcile` for a pending `deletion-in-progress` record. */
export async function finishDeletion(
  ports: Pick<DeletionPorts, 'directory' | 'users' | 'admins' | 'usernames' | 'remainingMs'>,
  userId: string,
  inCognito = true,
): Promise<void> {
  if (inCognito) {
    assertTimeFor(ports, DELETION_BUDGET, 'AdminDisableUser');
    await ports.directory.setEnabled(userId, false).catch(ignoreGone);
    assertTimeFor(ports, DELETION_BUDGET, 'AdminDeleteUser');
    await ports.directory.deleteUser(userId).catch(ignoreGone);
  }
  assertTimeFor(ports, DELETION_BUDGET, 'delete records');
  const record = await ports.users.get(userId);
  if (record?.username) await ports.usernames.release(userId, record.username);
  await ports.admins.deleteAdminInfo(userId);
  await ports.users.delete(userId);
}

/**
 * Step 2a: the record `disabled` and its tokens revoked. A concurrent deletion
 * of the same user may have done (or finished) it first: a record already
 * disabled or already gone is the state this step wants, not a failure.
 */
async function lockOut(users: UserStore, record: UserRecord, now: Date): Promise<void> {
  if (record.status !== 'disabled') {
    await users
      .transition(record.userId, record.status, nextStatus(record.status, 'adminDisabled'), {
        previousStatus: record.status,
      })
      .catch(async (error: unknown) => {
        if (!(error instanceof InvalidTransitionError || error instanceof NotFoundError)) throw error;
        const current = await users.get(record.userId);
        if (current && current.status !== 'disabled') throw error;
      });
  }
  await users.revokeTokens(record.userId, now).catch((error: unknown) => {
    if (!(error instanceof NotFoundError)) throw error;
  });
}

/** Already gone from Cognito (a concurrent or earlier deletion): the step's goal holds. */
function ignoreGone(error: unknown): void {
  if ((error as Error)?.name !== 'UserNotFoundError') throw error;
}
