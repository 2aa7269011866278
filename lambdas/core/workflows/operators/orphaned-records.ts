import type { UserRecord } from '../../domain/user';
import type { AdminStore } from '../../ports/admin-store';
import type { UserDirectory } from '../../ports/user-directory';
import type { UserStore } from '../../ports/user-store';
import type { UsernameRegistry } from '../../ports/username-registry';
import { finishDeletion } from '../admin-users/delete-user';

interface OrphanPorts {
  users: UserStore;
  directory: UserDirectory;
  admins: AdminStore;
  usernames: UsernameRegistry;
}

const PAGE = 100;

/**
 * findOrphanedRecords — `npm run reconcile -- list`: the `Users` records whose
 * Cognito user is gone, deleted outside the API — the user's own `DeleteUser`
 * with their access token, or an operator's `AdminDeleteUser` in the console.
 * Such a user cannot act (the caller gate refuses their tokens; an admin's
 * GET of them answers 404) but stays in the admin list until repaired. Reads
 * every record and asks Cognito about each (AdminGetUser): an operator
 * command, not a route.
 */
export async function findOrphanedRecords(
  ports: Pick<OrphanPorts, 'users' | 'directory'>,
): Promise<UserRecord[]> {
  const orphans: UserRecord[] = [];
  let after: string | undefined;
  do {
    const page = await ports.users.list({ limit: PAGE, ...(after ? { after } : {}) });
    const accounts = await Promise.all(page.records.map((r) => ports.directory.getUser(r.userId)));
    page.records.forEach((record, i) => {
      if (!accounts[i]) orphans.push(record);
    });
    after = page.last;
  } while (after);
  return orphans;
}

/**
 * repairOrphanedRecords — `npm run reconcile -- repair`: for each orphaned
 * record, Cognito is asked once more (a user created again meanwhile is left
 * alone), then the deletion's last steps run: the username, AdminInfo and
 * Users records (each idempotent).
 */
export async function repairOrphanedRecords(
  ports: OrphanPorts & { remainingMs?: () => number },
  orphans: readonly UserRecord[],
): Promise<Array<{ userId: string; email: string; action: 'removed' | 'kept' }>> {
  const outcomes: Array<{ userId: string; email: string; action: 'removed' | 'kept' }> = [];
  for (const record of orphans) {
    if (await ports.directory.getUser(record.userId)) {
      outcomes.push({ userId: record.userId, email: record.email, action: 'kept' });
      continue;
    }
    await finishDeletion(ports, record.userId, false);
    outcomes.push({ userId: record.userId, email: record.email, action: 'removed' });
  }
  return outcomes;
}
