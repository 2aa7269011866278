import { ForbiddenError, UnauthenticatedError, UserNotFoundError } from '../domain/errors';
import { ADMIN_GROUP } from '../domain/pool-policy';
import { issuedRelativeTo, LOCKED_OUT } from '../domain/sign-in-policy';
import type { Caller } from '../domain/tokens';
import type { UserRecord } from '../domain/user';
import type { UserDirectory } from '../ports/user-directory';
import type { UserStore } from '../ports/user-store';
import type { SessionCheck } from './session-check';

/** What each gate reads; every `user` / `admin` registry row lists these (a registry test checks it). */
export const GATE_PERMISSIONS = {
  user: { cognito: [], users: ['GetItem'] },
  admin: {
    cognito: ['cognito-idp:AdminGetUser', 'cognito-idp:AdminListGroupsForUser'],
    users: ['GetItem'],
  },
} as const;

/**
 * The revocation check every protected route runs after the API's Cognito
 * authorizer (which checks signature, issuer, expiry and scope only). It
 * lives in the deployed function (the HTTP preset calls it), so local runs
 * prove the deployed path.
 */
export interface CallerGate {
  /** `user`: the Users record and Cognito's verdict on the token; `admin`: also the account's group. */
  readonly level: 'user' | 'admin';
  /**
   * The caller's `Users` record as just read (consistently), so the handler
   * need not read it again, with `mfa.enabled` as Cognito has it. Throws
   * UnauthenticatedError (revoked) or ForbiddenError (no longer an admin).
   */
  admit(caller: Caller, claims: Record<string, unknown>, accessToken: string): Promise<UserRecord>;
}

const revoked = () => new UnauthenticatedError('The access token has been revoked.');

/**
 * For `user` routes, in parallel: one consistent GetItem of the caller's
 * `Users` record, and Cognito's verdict on the token (GetUser, reused for
 * 60 s per token). Refused: no record (deleted), `suspended` or `disabled`, a
 * token issued before the record's `tokensValidAfter`, or a token Cognito
 * refuses (signed out, revoked, disabled or deleted straight in Cognito).
 */
export function userGate(users: UserStore, sessions: SessionCheck): CallerGate {
  return {
    level: 'user',
    admit: (caller, claims, token) => admitRecord(users, sessions, caller, claims, token),
  };
}

/**
 * For `admin` routes, in parallel: the checks of `userGate`, plus the
 * record's role; AdminGetUser (refused when deleted or disabled in Cognito);
 * AdminListGroupsForUser (refused when no longer in `admin`). Admin routes are
 * few and rare, so the extra Cognito reads are affordable there, and they
 * also see a group change made in the Cognito console.
 */
export function adminGate(users: UserStore, sessions: SessionCheck, directory: UserDirectory): CallerGate {
  return {
    level: 'admin',
    async admit(caller, claims, token) {
      const [record, account, groups] = await Promise.all([
        admitRecord(users, sessions, caller, claims, token),
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
  sessions: SessionCheck,
  caller: Caller,
  claims: Record<string, unknown>,
  token: string,
): Promise<UserRecord> {
  const [record, session] = await Promise.all([
    users.get(caller.sub),
    sessions.check(token).catch((error: unknown) => error as Error),
  ]);
  if (!record || LOCKED_OUT.has(record.status)) throw revoked();
  if (session instanceof Error) throw session;
  if (session.username !== caller.username) throw revoked();
  // The session's start (`auth_time`, which a refresh keeps), so a refreshed token of a revoked
  // session is refused too; `iat` where a token has none.
  const order = issuedRelativeTo(claims.auth_time ?? claims.iat, record.tokensValidAfter);
  if (order === 'before') throw revoked();
  // Issued in the very second of a revocation: `iat` cannot tell before from after. Every
  // revocation of the API also revokes in Cognito, so Cognito's fresh verdict decides.
  if (order === 'same second') await sessions.check(token, { fresh: true });
  // TOTP switched off straight in Cognito (SetUserMFAPreference) is off here too: an admin's
  // "require MFA" then closes every route but enrollment again, from the very next call (for
  // those users the verdict is never reused). Otherwise a reused verdict may predate an
  // enrollment made through the API, so a mismatch is asked anew before it counts.
  if (!record.mfa.enabled) return record;
  const mfa =
    record.mfa.required || !session.totpEnabled ? await sessions.check(token, { fresh: true }) : session;
  return mfa.totpEnabled ? record : { ...record, mfa: { ...record.mfa, enabled: false } };
}
