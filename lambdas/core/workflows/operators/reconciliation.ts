import type { AdminStore } from '../../ports/admin-store';
import type { Reconciliation, ReconciliationLog } from '../../ports/reconciliation-log';
import type { UserDirectory } from '../../ports/user-directory';
import type { UserStore } from '../../ports/user-store';
import type { UsernameRegistry } from '../../ports/username-registry';
import { finishDeletion } from '../admin-users/delete-user';

interface RepairPorts {
  directory: UserDirectory;
  users: UserStore;
  admins: AdminStore;
  usernames: UsernameRegistry;
  reconciliations: ReconciliationLog;
  clock: () => Date;
}

export interface RepairOutcome {
  id: string;
  email: string;
  /**
   * `deleted`: the orphan Cognito user was removed; `complete`: its records
   * exist after all, nothing to undo; `nothing-created`: a cut-off saga that
   * had not created its Cognito user.
   */
  action: 'deleted' | 'complete' | 'nothing-created' | 'failed';
  error?: string;
}

/**
 * Repairs pending reconciliation records (operator command `npm run reconcile`).
 * An `orphan-cognito-user` is a Cognito user whose provisioning failed and
 * whose compensation could not delete it: if its `Users` record exists after
 * all, it is complete and only the record is resolved; otherwise the Cognito
 * user is deleted (idempotent) and the record resolved. A
 * `provisioning-in-progress` record (a saga cut off before its end) names
 * only the email: the Cognito user of that email counts as the saga's when it
 * was created at or after the record and carries `custom:role` admin, and is
 * then treated as above; a user that is not the saga's is never touched. A
 * `deletion-in-progress` record is a user deletion that stopped: its
 * remaining steps run (Cognito user, AdminInfo, Users; each idempotent). A
 * repair that fails stays pending and is reported.
 */
export async function repairReconciliations(ports: RepairPorts, only?: string): Promise<RepairOutcome[]> {
  const pending = (await ports.reconciliations.pending()).filter((r) => only === undefined || r.id === only);
  const outcomes: RepairOutcome[] = [];
  for (const entry of pending) outcomes.push(await repairOne(ports, entry));
  return outcomes;
}

async function repairOne(ports: RepairPorts, entry: Reconciliation): Promise<RepairOutcome> {
  try {
    if (entry.kind === 'deletion-in-progress' && entry.username) {
      // A deletion that stopped part-way: run its remaining (idempotent) steps.
      await finishDeletion(ports, entry.username);
      await ports.reconciliations.resolve(entry.id, ports.clock());
      return { id: entry.id, email: entry.email, action: 'deleted' };
    }
    const username = entry.username ?? (await sagaUser(ports.directory, entry));
    if (!username) {
      await ports.reconciliations.resolve(entry.id, ports.clock());
      return { id: entry.id, email: entry.email, action: 'nothing-created' };
    }
    const complete = (await ports.users.get(username)) !== undefined;
    if (!complete) await ports.directory.deleteUser(username);
    await ports.reconciliations.resolve(entry.id, ports.clock());
    return { id: entry.id, email: entry.email, action: complete ? 'complete' : 'deleted' };
  } catch (error) {
    return { id: entry.id, email: entry.email, action: 'failed', error: (error as Error).name };
  }
}

/** The Cognito user a cut-off provisioning saga created, if any (see repairReconciliations). */
async function sagaUser(directory: UserDirectory, entry: Reconciliation): Promise<string | undefined> {
  const account = await directory.getUser(entry.email);
  if (!account) return undefined;
  // Cognito keeps whole seconds of the creation time; allow for that rounding.
  const createdAfter = account.createdAt.getTime() >= Date.parse(entry.createdAt) - 1000;
  return createdAfter && account.attributes['custom:role'] === 'admin' ? account.username : undefined;
}
