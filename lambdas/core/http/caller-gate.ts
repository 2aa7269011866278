import { ForbiddenError, UnauthenticatedError, UserNotFoundError } from '../domain/errors';
import type { UserStatus } from '../domain/onboarding';
import { ADMIN_GROUP } from '../domain/pool-policy';
import type { Caller } from '../domain/tokens';
import type { UserRecord } from '../domain/user';
import type { UserDirectory } from '../ports/user-directory';
import type { UserStore } from '../ports/user-store';

/** What each gate reads; every `user` / `admin` registry row lists these (a registry test checks it). */
export const GATE_PERMISSIONS = {
  user: { cognito: [], users: ['GetItem'] },
  admin: {
    cognito: ['cognito-idp:AdminGetUser', 'cognito-idp:AdminListGroupsForUser'],
    users: ['GetItem'],
  },
} as const;

/** Statuses whose tokens every protected route refuses. */
const LOCKED_OUT: ReadonlySet<UserStatus> = new Set<UserStatus>(['suspended', 'disabled']);

/**
 * The revocation check every protected route runs after the API's Cognito
 * authorizer (which checks signature, issuer, expiry and scope only). It
 * lives in the deployed function (the HTTP preset calls it), so local runs
 * prove the deployed path.
 */
export interface CallerGate {
  /** `user`: the Users record; `admin`: also the caller's Cognito account and group. */
  readonly level: 'user' | 'admin';
  /**
   * The caller's `Users` record as just read (consistently), so the handler
   * need not read it again. Throws UnauthenticatedError (revoked) or
   * ForbiddenError (no longer an admin).
   */
  admit(caller: Caller, claims: Record<string, unknown>): Promise<UserRecord>;
}

const revoked = () => new UnauthenticatedError('The access token has been revoked.');

/**
 * For `user` routes: one consistent GetItem of the caller's `Users` record.
 * Refused: no record (deleted), `suspended` or `disabled`, or a token issued
 * (`iat`) before the record's `tokensValidAfter` (global sign-out, disable).
 */
export function userGate(users: UserStore): CallerGate {
  return {
    level: 'user',
    admit: (caller, claims) => admitRecord(users, caller, claims),
  };
}

/**
 * For `admin` routes, in parallel: the record check of `userGate`, plus the
 * record's role; AdminGetUser (refused when deleted or disabled in Cognito);
 * AdminListGroupsForUser (refused when no longer in `admin`). Admin routes are
 * few and rare, so the two extra Cognito reads are affordable there, and they
 * also see changes made in the Cognito console.
 */
export function adminGate(users: UserStore, directory: UserDirectory): CallerGate {
  return {
    level: 'admin',
    async admit(caller, claims) {
      const [record, account, groups] = await Promise.all([
        admitRecord(users, caller, claims),
        directory.getUser(caller.username),
        directory.groupsOf(caller.username).catch((error: unknown) => {
          if (error instanceof UserNotFoundError) return [] as string[];
          throw error;
        }),
      ]);
      if (!account?.enabled || account.sub !== caller.sub) throw revoked();
      if (record.role !== 'admin' || !groups.includes(ADMIN_GROUP)) {
        throw new ForbiddenError('This route is for administrators.');
      }
      return record;
    },
  };
}

async function admitRecord(
  users: UserStore,
  caller: Caller,
  claims: Record<string, unknown>,
): Promise<UserRecord> {
  const record = await users.get(caller.sub);
  if (!record || LOCKED_OUT.has(record.status)) throw revoked();
  if (record.tokensValidAfter) {
    const issuedAt = Number(claims.iat);
    if (!Number.isFinite(issuedAt) || issuedAt * 1000 < Date.parse(record.tokensValidAfter)) throw revoked();
  }
  return record;
}
