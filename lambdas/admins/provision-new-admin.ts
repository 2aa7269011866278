import { adminCallerGate, provisioningPorts } from '../core/deps';
import { idempotencyKeyOf } from '../core/http/headers';
import { httpOperation } from '../core/http/preset';
import { provisionNewAdmin } from '../core/workflows/admins/provision-new-admin';
import { ADMINS } from './operations';

/** POST /admins: provisionNewAdmin (core/workflows/admins/provision-new-admin.ts), all or nothing. */
export const handler = httpOperation(
  ADMINS.provisionNewAdmin,
  { gate: adminCallerGate() },
  async ({ body, caller, event, correlationId, remainingMs }) => {
    const idempotencyKey = idempotencyKeyOf(event.headers);
    const result = await provisionNewAdmin(provisioningPorts(remainingMs), {
      actor: caller,
      email: body.email,
      correlationId,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
    // A replay is the first answer again: same status, same records.
    return { status: 201, body: { user: result.user, adminInfo: result.adminInfo } };
  },
);
