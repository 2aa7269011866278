import type { MemoryWorld } from '../../lambdas/core/adapters/memory/world';
import type { AdminUserPorts } from '../../lambdas/core/workflows/common/admin-request';
import type { TotpPorts } from '../../lambdas/core/workflows/common/totp';
import { type AwsCall, recordingPort } from './aws-calls';

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
