import { adminCallerGate, configurationStatus, poolInspector, userStore } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { poolStatus } from '../core/workflows/admin-pool/pool-status';
import { ADMIN_POOL } from './operations';

/** GET /admin/cognito: poolStatus (core/workflows/admin-pool/pool-status.ts). */
export const handler = httpOperation(
  ADMIN_POOL.poolStatus,
  { gate: adminCallerGate() },
  async ({ caller, correlationId }) => ({
    status: 200,
    body: await poolStatus(
      { inspector: poolInspector(), users: userStore() },
      { actor: caller, correlationId, configuration: configurationStatus() },
    ),
  }),
);
