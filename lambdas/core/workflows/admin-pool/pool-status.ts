import type { Caller } from '../../domain/tokens';
import type { PoolInspector } from '../../ports/pool-inspector';
import type { UserStore } from '../../ports/user-store';
import { auditEntry, audited } from '../common/audit';

/** How many of the newest users the admin page lists, and how far ListUsers is read to find them. */
export const RECENT_USERS = { count: 20, pageSize: 60, pages: 10 } as const;

/**
 * poolStatus — `GET /admin/cognito`, the data of the seed's admin page:
 * which configuration variables this function has (names only, never
 * values), the pool and app-client snapshots, the 20 newest users (ListUsers
 * has no order: the newest of its first 600 users, by creation date), and
 * the sync figure — records in `Users` beside Cognito's estimate.
 */
export async function poolStatus(
  ports: { inspector: PoolInspector; users: UserStore },
  request: { actor: Caller; correlationId: string; configuration: Array<{ name: string; set: boolean }> },
) {
  const entry = auditEntry('poolStatus', request, 'user-pool');
  return audited(entry, () => snapshot(ports, request.configuration));
}

async function snapshot(
  ports: { inspector: PoolInspector; users: UserStore },
  configuration: Array<{ name: string; set: boolean }>,
) {
  const [pool, client, listed, records] = await Promise.all([
    ports.inspector.describePool(),
    ports.inspector.describeClient(),
    ports.inspector.listUsers({ pageSize: RECENT_USERS.pageSize, pages: RECENT_USERS.pages }),
    ports.users.count(),
  ]);
  const recentUsers = [...listed]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, RECENT_USERS.count)
    .map((u) => ({
      userId: u.sub,
      email: u.email,
      status: u.status,
      enabled: u.enabled,
      createdAt: u.createdAt.toISOString(),
    }));
  return {
    configuration,
    pool,
    client,
    recentUsers,
    sync: {
      usersTable: records,
      cognitoEstimate: pool.estimatedUsers,
      difference: pool.estimatedUsers - records,
    },
  };
}
