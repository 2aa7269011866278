import type { UserRecord } from '../../domain/user';
import type { AdminStore } from '../../ports/admin-store';
import type { PoolInspector } from '../../ports/pool-inspector';
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
 * GET of them answers 404) but stays in the admin list until repaired. The
 * pool's usernames are read a ListUsers page at a time (no attributes), then
 * the table's pages compared with them; only a record missing there is asked
 * about (AdminGetUser: one created after the listing is kept). So a scan reads
 * no user one by one — which could count every registered user as an active
 * user of the month — and stays off the per-user read quota the caller gate
 * uses. An operator command, not a route.
 */
export async function findOrphanedRecords(
  ports: Pick<OrphanPorts, 'users' | 'directory'> & { inspector: PoolInspector },
): Promise<UserRecord[]> {
  const inCognito = new Set<string>();
  for await (const page of ports.inspector.usernames()) for (const name of page) inCognito.add(name);
  const candidates: UserRecord[] = [];
  let after: string | undefined;
  do {
    const page = await ports.users.list({ limit: PAGE, ...(after ? { after } : {}) });
    candidates.push(...page.records.filter((record) => !inCognito.has(record.userId)));
    after = page.last;
  } while (after);
  const accounts = await Promise.all(candidates.map((r) => ports.directory.getUser(r.userId)));
  return candidates.filter((_, i) => !accounts[i]);
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
