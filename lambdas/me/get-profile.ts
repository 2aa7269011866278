import { userCallerGate, userStore } from '../core/deps';
import { NotFoundError } from '../core/domain/errors';
import { type Profile, toUser } from '../core/domain/user';
import { httpOperation } from '../core/http/preset';
import { ME } from './operations';

/** The caller's profile: their `Users` record plus the groups of their access token. */
export const handler = httpOperation(ME.getProfile, { gate: userCallerGate() }, async ({ caller }) => {
  const record = await userStore().get(caller.sub);
  if (!record) throw new NotFoundError('There is no profile for this account yet.');
  const profile: Profile = { ...toUser(record), groups: caller.groups };
  return { status: 200, body: profile };
});
