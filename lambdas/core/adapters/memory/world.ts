import type { Clock } from '../../ports/clock';
import { InMemoryAdminStore } from './in-memory-admin-store';
import { InMemoryIdentityProvider } from './in-memory-identity-provider';
import { InMemoryRateLimiter } from './in-memory-rate-limiter';
import { InMemoryReconciliationLog } from './in-memory-reconciliation-log';
import { InMemoryUserStore } from './in-memory-user-store';
import { sharedJwtSigner } from './jwt-signer';
import { Outbox } from './outbox';

/** Pool and client ids of mock mode, in Cognito's shapes so aws-jwt-verify accepts them. */
export const MOCK_POOL = {
  region: 'us-east-1',
  userPoolId: 'us-east-1_MockPool1',
  clientId: 'mockclient0000000000000001',
} as const;

/** Everything mock mode keeps in memory; the fakes share it, as AWS services share an account. */
export interface MemoryWorld {
  clock: Clock;
  outbox: Outbox;
  identity: InMemoryIdentityProvider;
  users: InMemoryUserStore;
  admins: InMemoryAdminStore;
  reconciliations: InMemoryReconciliationLog;
  rateLimiter: InMemoryRateLimiter;
}

let world: MemoryWorld | undefined;

function createWorld(options: { clock?: Clock; userPoolId?: string; clientId?: string } = {}): MemoryWorld {
  const clock = options.clock ?? (() => new Date());
  const outbox = new Outbox();
  const users = new InMemoryUserStore(clock);
  return {
    clock,
    outbox,
    identity: new InMemoryIdentityProvider({
      userPoolId: options.userPoolId ?? MOCK_POOL.userPoolId,
      clientId: options.clientId ?? MOCK_POOL.clientId,
      signer: sharedJwtSigner(),
      outbox,
      clock,
    }),
    users,
    admins: new InMemoryAdminStore(users),
    reconciliations: new InMemoryReconciliationLog(),
    rateLimiter: new InMemoryRateLimiter(clock),
  };
}

/** The process-wide mock world, created on first use. */
export function memoryWorld(): MemoryWorld {
  world ??= createWorld();
  return world;
}

/** Replaces the mock world with an empty one (tests; a local server restart). */
export function resetMemoryWorld(options?: Parameters<typeof createWorld>[0]): MemoryWorld {
  world = createWorld(options);
  return world;
}
