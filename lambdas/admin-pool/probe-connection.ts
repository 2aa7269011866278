import { adminCallerGate, poolInspector } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { probeConnection } from '../core/workflows/admin-pool/probe-connection';
import { ADMIN_POOL } from './operations';

/** POST /admin/cognito/test: probeConnection (core/workflows/admin-pool/probe-connection.ts); always 200. */
export const handler = httpOperation(
  ADMIN_POOL.probeConnection,
  { gate: adminCallerGate() },
  async ({ caller, correlationId }) => ({
    status: 200,
    body: await probeConnection(
      { inspector: poolInspector(), now: () => performance.now() },
      { actor: caller, correlationId },
    ),
  }),
);
