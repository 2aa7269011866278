import { RecordExistsError, UserExistsError } from '../../domain/errors';
import { INITIAL_STATUS } from '../../domain/onboarding';
import { newUserRecord, toUser, type User } from '../../domain/user';
import type { Clock } from '../../ports/clock';
import type { UserDirectory } from '../../ports/user-directory';
import type { UserStore } from '../../ports/user-store';

/**
 * createCognitoUser — an application was submitted; give the applicant an account.
 *
 * What it does: calls Cognito `AdminCreateUser` on the User Pool with the
 * applicant's email as username (`DesiredDeliveryMediums: ['EMAIL']`, no
 * `TemporaryPassword`, so Cognito generates one), then writes the applicant's
 * `Users` record (status `pending_verification`, keyed by the Cognito `sub`).
 *
 * When it is called: by `POST /applications`, the e-signature provider's
 * webhook, after the HMAC signature of the raw body has been verified.
 *
 * @param ports.directory the user directory (Cognito, or its fake in mock mode)
 * @param ports.users the `Users` table
 * @param ports.clock the current time
 * @param input.email the applicant's email (already trimmed and lower-cased)
 * @param input.name optional display name, stored as the `name` attribute
 * @returns `{ created: true, user }` with `user.cognitoStatus` `FORCE_CHANGE_PASSWORD`
 *   for a new applicant; `{ created: false, user }` when the email already has an
 *   account (idempotent: a repeat never creates a second user, and it writes the
 *   `Users` record if an earlier attempt stopped after the Cognito step).
 * @throws any unexpected provider or store error (the API answers 500 INTERNAL);
 *   nothing is retried here: the webhook sender retries, and a retry is safe.
 *
 * Side effects: Cognito emails the temporary password to the applicant (in mock
 * mode the message lands in the outbox). The temporary password is never
 * returned, logged or stored by this code.
 */
export async function createCognitoUser(
  ports: { directory: UserDirectory; users: UserStore; clock: Clock },
  input: { email: string; name?: string },
): Promise<{ created: boolean; user: User }> {
  let created = true;
  const account = await ports.directory
    .createUser({
      email: input.email,
      attributes: { 'custom:role': 'user', ...(input.name ? { name: input.name } : {}) },
    })
    .catch(async (error: unknown) => {
      if (!(error instanceof UserExistsError)) throw error;
      created = false;
      return ports.directory.getUser(input.email);
    });
  if (!account) throw new Error('Cognito reported the user as existing but AdminGetUser found none.');

  let record = await ports.users.get(account.sub);
  if (!record) {
    const fresh = newUserRecord({
      userId: account.sub,
      email: account.email,
      status: INITIAL_STATUS.applicationReceived,
      now: ports.clock(),
    });
    try {
      await ports.users.create(fresh);
      record = fresh;
    } catch (error) {
      // A concurrent delivery of the same webhook wrote it first.
      if (!(error instanceof RecordExistsError)) throw error;
      record = await ports.users.get(account.sub);
      if (!record) throw error;
    }
  }
  return { created, user: toUser(record, { status: account.status, enabled: account.enabled }) };
}
