import type { Reconciliation, ReconciliationLog } from '../ports/reconciliation-log';
import type { UserDirectory } from '../ports/user-directory';
import type { UserStore } from '../ports/user-store';

export interface RepairOutcome {
  id: string;
  email: string;
  /** `deleted`: the orphan Cognito user was removed; `complete`: its records exist after all, nothing to undo. */
  action: 'deleted' | 'complete' | 'failed';
  error?: string;
}

/**
 * Repairs pending reconciliation records (operator command `npm run reconcile`).
 * An `orphan-cognito-user` is a Cognito user whose provisioning failed and
 * whose compensation could not delete it: if its `Users` record exists after
 * all, it is complete and only the record is resolved; otherwise the Cognito
 * user is deleted (idempotent) and the record resolved. A repair that fails
 * stays pending and is reported.
 */
export async function repairReconciliations(
  ports: {
    directory: UserDirectory;
    users: UserStore;
    reconciliations: ReconciliationLog;
    clock: () => Date;
  },
  only?: string,
): Promise<RepairOutcome[]> {
  const pending = (await ports.reconciliations.pending()).filter((r) => only === undefined || r.id === only);
  const outcomes: RepairOutcome[] = [];
  for (const entry of pending) outcomes.push(await repairOne(ports, entry));
  return outcomes;
}

async function repairOne(
  ports: {
    directory: UserDirectory;
    users: UserStore;
    reconciliations: ReconciliationLog;
    clock: () => Date;
  },
  entry: Reconciliation,
): Promise<RepairOutcome> {
  try {
    const complete = (await ports.users.get(entry.username)) !== undefined;
    if (!complete) await ports.directory.deleteUser(entry.username);
    await ports.reconciliations.resolve(entry.id, ports.clock());
    return { id: entry.id, email: entry.email, action: complete ? 'complete' : 'deleted' };
  } catch (error) {
    return { id: entry.id, email: entry.email, action: 'failed', error: (error as Error).name };
  }
}
