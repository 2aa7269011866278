import { PermissionDeniedError } from '../../domain/errors';
import type { Caller } from '../../domain/tokens';
import type { PoolInspector } from '../../ports/pool-inspector';
import { audit } from '../common/audit';

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
