import { userCallerGate } from '../core/deps';
import { type Profile, toUser } from '../core/domain/user';
import { httpOperation } from '../core/http/preset';
import { ME } from './operations';

/**
 * The caller's profile: their `Users` record (as the caller gate just read it,
 * consistently: no second read) plus the groups of their access token.
 */
export const handler = httpOperation(
  ME.getProfile,
  { gate: userCallerGate() },
  async ({ caller, callerRecord }) => {
    const profile: Profile = { ...toUser(callerRecord), groups: caller.groups };
    return { status: 200, body: profile };
  },
);
