import { UsernameAlreadySetError } from '../../domain/errors';
import type { Caller } from '../../domain/tokens';
import { type Profile, toUser, type UserRecord } from '../../domain/user';
import type { AccountAdmin } from '../../ports/account-admin';
import type { UsernameRegistry } from '../../ports/username-registry';

/**
 * chooseUsername — `PUT /me/username`: set once, unique case-insensitively.
 * The reservation and the `Users` record are written in one transaction
 * (of two users racing for a name exactly one wins); then `custom:username`
 * is set admin-side (the app client may not write it), so the next ID token
 * carries it. A retry of the same name after the Cognito call failed
 * converges: the record already has it, and the attribute is set again.
 */
export async function chooseUsername(
  ports: { usernames: UsernameRegistry; accounts: AccountAdmin },
  input: { caller: Caller; record: UserRecord; username: string },
): Promise<Profile> {
  const { record } = input;
  if (record.username !== undefined && record.username !== input.username)
    throw new UsernameAlreadySetError();
  if (record.username === undefined) await ports.usernames.claim(record.userId, input.username);
  await ports.accounts.updateAttributes(input.caller.username, { 'custom:username': input.username });
  return { ...toUser({ ...record, username: input.username }), groups: input.caller.groups };
}
