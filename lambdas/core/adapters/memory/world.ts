import { RecordExistsError, UserExistsError } from '../../domain/errors';
import { ADMIN_GROUP } from '../../domain/pool-policy';
import { newUserRecord } from '../../domain/user';
import type { Clock } from '../../ports/clock';
import type { IdentityUser } from '../../ports/identity-user';
import type { PoolTriggers } from '../../ports/pool-triggers';
import { InMemoryCognito } from './cognito';
import type { WebAuthnConfig } from './cognito/webauthn';
import { InMemoryAdminStore } from './in-memory-admin-store';
import { InMemoryIdempotencyStore } from './in-memory-idempotency-store';
import { InMemoryPasskeyIndex } from './in-memory-passkey-index';
import { InMemoryRateLimiter } from './in-memory-rate-limiter';
import { InMemoryReconciliationLog } from './in-memory-reconciliation-log';
import { InMemoryUserStore } from './in-memory-user-store';
import { InMemoryUsernameRegistry } from './in-memory-username-registry';
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
  /** The in-memory user pool; `cognito.directory` and `cognito.signIn` are its ports. */
  cognito: InMemoryCognito;
  users: InMemoryUserStore;
  admins: InMemoryAdminStore;
  reconciliations: InMemoryReconciliationLog;
  rateLimiter: InMemoryRateLimiter;
  idempotency: InMemoryIdempotencyStore;
  usernames: InMemoryUsernameRegistry;
  passkeyIndex: InMemoryPasskeyIndex;
}

export interface WorldOptions {
  clock?: Clock;
  userPoolId?: string;
  clientId?: string;
  /** The pool's triggers; the local server and the test harness build them from the trigger registry. */
  triggers?: PoolTriggers;
  /** The app client rotates refresh tokens. @default REFRESH_TOKEN_ROTATION === 'true' */
  refreshRotation?: boolean;
  /** The pool's MFA mode. @default POOL_MFA ('REQUIRED' or 'OPTIONAL') or 'OPTIONAL' */
  mfa?: 'OPTIONAL' | 'REQUIRED';
  /**
   * The pool's passkey relying party. @default PASSKEY_RP_ID or `localhost`
   * (`off`: no passkeys), PASSKEY_USER_VERIFICATION or `preferred`.
   */
  passkeys?: WebAuthnConfig | 'off';
}

/** The mock pool's relying party: `localhost` unless PASSKEY_RP_ID says otherwise (`off`: none). */
function passkeysFromEnv(): WebAuthnConfig | undefined {
  const rpId = process.env.PASSKEY_RP_ID || 'localhost';
  if (rpId === 'off') return undefined;
  const required = process.env.PASSKEY_USER_VERIFICATION === 'required';
  return { rpId, userVerification: required ? 'required' : 'preferred' };
}

let world: MemoryWorld | undefined;

function createWorld(options: WorldOptions = {}): MemoryWorld {
  const clock = options.clock ?? (() => new Date());
  const outbox = new Outbox();
  const users = new InMemoryUserStore(clock);
  return {
    clock,
    outbox,
    cognito: new InMemoryCognito({
      userPoolId: options.userPoolId ?? MOCK_POOL.userPoolId,
      clientId: options.clientId ?? MOCK_POOL.clientId,
      signer: sharedJwtSigner(),
      outbox,
      clock,
      ...(options.triggers ? { triggers: options.triggers } : {}),
      refreshRotation: options.refreshRotation ?? process.env.REFRESH_TOKEN_ROTATION === 'true',
      mfa: options.mfa ?? (process.env.POOL_MFA === 'REQUIRED' ? 'REQUIRED' : 'OPTIONAL'),
      ...passkeyOption(options.passkeys),
    }),
    users,
    admins: new InMemoryAdminStore(users),
    reconciliations: new InMemoryReconciliationLog(),
    rateLimiter: new InMemoryRateLimiter(clock),
    idempotency: new InMemoryIdempotencyStore(clock),
    usernames: new InMemoryUsernameRegistry(users),
    passkeyIndex: new InMemoryPasskeyIndex(),
  };
}

function passkeyOption(option: WorldOptions['passkeys']): { passkeys?: WebAuthnConfig } {
  if (option === 'off') return {};
  const config = option ?? passkeysFromEnv();
  return config ? { passkeys: config } : {};
}

/** The process-wide mock world, created on first use. */
export function memoryWorld(): MemoryWorld {
  world ??= createWorld();
  return world;
}

/** Replaces the mock world with an empty one (tests; a local server restart). */
export function resetMemoryWorld(options?: WorldOptions): MemoryWorld {
  world = createWorld(options);
  return world;
}

/**
 * Fake-only: an admin as provisioning leaves one, without the invitation —
 * CONFIRMED in group `admin`, with its `Users` (active) and `AdminInfo`
 * records. The local bootstrap admin and the test harness's admins. A second
 * call for the same email keeps the first admin.
 */
export async function seedAdmin(
  target: MemoryWorld,
  input: { email: string; password: string; createdBy?: string },
): Promise<IdentityUser | undefined> {
  try {
    const admin = target.cognito.seedUser({
      email: input.email,
      password: input.password,
      groups: [ADMIN_GROUP],
      attributes: { 'custom:role': 'admin' },
    });
    const now = target.clock();
    await target.admins.createAdminRecords(
      newUserRecord({
        userId: admin.sub,
        email: admin.email,
        status: 'active',
        role: 'admin',
        emailVerified: true,
        now,
      }),
      { userId: admin.sub, createdBy: input.createdBy ?? 'bootstrap', createdAt: now.toISOString() },
    );
    return admin;
  } catch (error) {
    if (error instanceof UserExistsError || error instanceof RecordExistsError) return undefined;
    throw error;
  }
}
