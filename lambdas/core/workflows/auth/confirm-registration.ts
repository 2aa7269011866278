import { InvalidTransitionError, RecordExistsError } from '../../domain/errors';
import { nextStatus } from '../../domain/onboarding';
import { newUserRecord } from '../../domain/user';
import type { Clock } from '../../ports/clock';
import type { SelfService } from '../../ports/self-service';
import type { UserDirectory } from '../../ports/user-directory';
import type { UserStore } from '../../ports/user-store';

/**
 * confirmRegistration — `POST /auth/register/confirm`: Cognito `ConfirmSignUp`
 * (with the SignUp session registration kept on the record, so a right code
 * also answers a `session` that signs in once at `POST /auth/sign-in`), then
 * the ladder `pending_verification -> pending_approval` with `emailVerified`.
 * A record that registration could not write is created here (AdminGetUser
 * gives its `sub`), so a retry always converges.
 */
export async function confirmRegistration(
  ports: { selfService: SelfService; users: UserStore; directory: UserDirectory; clock: Clock },
  input: { email: string; code: string },
): Promise<{ status: 'pending_approval'; session?: string }> {
  const record = await ports.users.findByEmail(input.email);
  const { session } = await ports.selfService.confirmSignUp(input.email, input.code, record?.signUpSession);
  const to = nextStatus('pending_verification', 'emailConfirmed') as 'pending_approval';
  if (record?.status === 'pending_verification') {
    await ports.users
      .transition(record.userId, 'pending_verification', to, { emailVerified: true })
      .catch((error: unknown) => {
        if (!(error instanceof InvalidTransitionError)) throw error; // a concurrent confirm moved it
      });
  } else if (!record) {
    const account = await ports.directory.getUser(input.email);
    if (account) {
      const fresh = newUserRecord({
        userId: account.sub,
        email: account.email,
        status: to,
        emailVerified: true,
        now: ports.clock(),
      });
      await ports.users.create(fresh).catch((error: unknown) => {
        if (!(error instanceof RecordExistsError)) throw error;
      });
    }
  }
  return { status: 'pending_approval', ...(session ? { session } : {}) };
}
