import { realSleep } from '../retry';
import type { DeletionPorts } from '../workflows/admin-users/delete-user';
import type { ProvisioningPorts } from '../workflows/admins/provision-new-admin';
import type { AdminUserPorts } from '../workflows/shared/admin-request';
import { accountAdmin, userDirectory } from './cognito';
import { clock } from './platform';
import { adminStore, idempotencyStore, reconciliationLog, usernameRegistry, userStore } from './tables';

/**
 * The ports admin provisioning runs on (the handler and `npm run bootstrap-admin`
 * share them); `remainingMs` bounds the saga to the invocation's time.
 */
export function provisioningPorts(remainingMs?: () => number): ProvisioningPorts {
  return {
    ...(remainingMs ? { remainingMs } : {}),
    directory: userDirectory(),
    admins: adminStore(),
    users: userStore(),
    // Resolved on first use: only a request with an Idempotency-Key needs the table
    // (npm run bootstrap-admin runs without IDEMPOTENCY_TABLE_NAME).
    idempotency: {
      claim: (...args) => idempotencyStore().claim(...args),
      release: (key) => idempotencyStore().release(key),
    },
    reconciliations: reconciliationLog(),
    clock: clock(),
    sleep: realSleep,
  };
}

/** The ports of the admin user operations. */
export function adminUserPorts(): AdminUserPorts {
  return { users: userStore(), directory: userDirectory(), accounts: accountAdmin(), clock: clock() };
}

/** The ports of the deletion saga; `remainingMs` bounds it to the invocation's time. */
export function deletionPorts(remainingMs?: () => number): DeletionPorts {
  return {
    ...(remainingMs ? { remainingMs } : {}),
    directory: userDirectory(),
    admins: adminStore(),
    users: userStore(),
    usernames: usernameRegistry(),
    reconciliations: reconciliationLog(),
    clock: clock(),
    sleep: realSleep,
  };
}
