import type { Caller } from '../../domain/tokens';
import type { PoolInspector } from '../../ports/pool-inspector';
import type { UserStore } from '../../ports/user-store';
import { auditEntry, audited } from '../common/audit';

/** How many of the newest users the admin page lists. */
export const RECENT_USERS = 20;

/**
 * poolStatus — `GET /admin/cognito`, the data of the seed's admin page:
 * which configuration variables this function has (names only, never
 * values), the pool and app-client snapshots, the 20 newest users (from the
 * `Users` status index, newest first: one bounded read per status), and the
 * sync figure — DynamoDB's item count of `Users` beside Cognito's estimate,
 * both estimates refreshed by the services themselves. Nothing here grows
 * with the number of users.
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
  const [pool, client, newest, records] = await Promise.all([
    ports.inspector.describePool(),
    ports.inspector.describeClient(),
    ports.users.list({ limit: RECENT_USERS }),
    ports.users.estimatedCount(),
  ]);
  const recentUsers = newest.records.map((u) => ({
    userId: u.userId,
    email: u.email,
    status: u.status,
    createdAt: u.createdAt,
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
      estimated: true,
    },
  };
}
