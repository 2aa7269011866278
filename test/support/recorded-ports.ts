import type { MemoryWorld } from '../../lambdas/core/adapters/memory/world';
import type { AdminUserPorts } from '../../lambdas/core/workflows/common/admin-request';
import type { TotpPorts } from '../../lambdas/core/workflows/common/totp';
import { type AwsCall, recordingPort } from './aws-calls';
import { activatedApplicant, freshWorld, submitApplication } from './harness';

/**
 * A world's ports with every call recorded (`DynamoDB` for the stores,
 * `Cognito` for the pool's ports): the fakes' stand-ins for the AWS calls a
 * use case makes, in the order and overlap it makes them.
 */
export function recordedPorts(world: MemoryWorld) {
  const log: AwsCall[] = [];
  const users = recordingPort('DynamoDB', world.users, log);
  const admin: AdminUserPorts = {
    users,
    directory: recordingPort('Cognito', world.cognito.directory, log),
    accounts: recordingPort('Cognito', world.cognito.accountAdmin, log),
    clock: world.clock,
  };
  const totp: TotpPorts = { users, selfService: recordingPort('Cognito', world.cognito.selfService, log) };
  return { log, admin, totp, names: () => log.map((c) => `${c.service} ${c.operation}`) };
}

/** The admin every admin use case test acts as. */
export const ADMIN_ACTOR = { sub: 'admin-sub', username: 'admin-sub', groups: ['admin'] };

/**
 * An applicant in a fresh world — invited (`pending_verification`), or with
 * the password they chose (`pending_approval`) — and the world's ports,
 * recorded from here on; the request an admin use case takes about them.
 */
export async function recordedApplicant(stage: 'invited' | 'activated', email = 'jane@example.com') {
  const world = freshWorld();
  if (stage === 'activated') await activatedApplicant(world, email);
  else await submitApplication({ email });
  const userId = (await world.users.findByEmail(email))?.userId as string;
  const recorded = recordedPorts(world);
  return { world, recorded, request: { actor: ADMIN_ACTOR, userId, correlationId: 'round-trips' } };
}
