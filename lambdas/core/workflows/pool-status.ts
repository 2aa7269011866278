import { PermissionDeniedError } from '../domain/errors';
import type { Caller } from '../domain/tokens';
import type { PoolInspector } from '../ports/pool-inspector';
import type { UserStore } from '../ports/user-store';
import { audit, auditEntry, audited } from './audit';

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

/**
 * probeConnection — `POST /admin/cognito/test`: DescribeUserPool and
 * ListUsers (limit 1), timed. Never an error answer: `{ok: false, reason}`
 * names the missing IAM action on AccessDenied, else the failure's kind.
 */
export async function probeConnection(
  ports: { inspector: PoolInspector; now: () => number },
  request: { actor: Caller; correlationId: string },
): Promise<ProbeResult> {
  const result = await probe(ports);
  const outcome = result.ok ? 'ok' : 'failed';
  audit({
    action: 'probeConnection',
    actor: request.actor.sub,
    target: 'user-pool',
    outcome,
    correlationId: request.correlationId,
  });
  return result;
}

type ProbeResult = { ok: true; latencyMs: number; userPoolId: string } | { ok: false; reason: string };

async function probe(ports: { inspector: PoolInspector; now: () => number }): Promise<ProbeResult> {
  const started = ports.now();
  try {
    const pool = await ports.inspector.describePool();
    await ports.inspector.listUsers({ pageSize: 1, pages: 1 });
    return { ok: true, latencyMs: Math.round(ports.now() - started), userPoolId: pool.userPoolId };
  } catch (error) {
    if (error instanceof PermissionDeniedError)
      return { ok: false, reason: `missing IAM permission ${error.action}` };
    return { ok: false, reason: `${(error as Error)?.name ?? 'Error'}: the user pool did not answer` };
  }
}
