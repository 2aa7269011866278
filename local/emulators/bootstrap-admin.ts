import { randomUUID } from 'node:crypto';
import { generateTemporaryPassword } from '../../lambdas/core/adapters/memory/cognito';
import { provisioningPorts, signIn } from '../../lambdas/core/deps';
import { UserExistsError } from '../../lambdas/core/domain/errors';
import { provisionNewAdmin } from '../../lambdas/core/workflows/admins/provision-new-admin';

/**
 * The bootstrap admin of `npm run start:emulators`, made as `npm start` makes
 * it but through the real adapters: provisioned with the provisioning
 * workflow (Cognito user in `admin`, Users and AdminInfo records; createdBy
 * `bootstrap`), then signed in once to answer NEW_PASSWORD_REQUIRED with the
 * chosen password, so the admin is CONFIRMED and can sign in at once.
 * Needs the emulator environment in process.env (MOCK_MODE=false).
 */
export async function bootstrapAdminOnAdapters(
  email: string,
  password: string,
): Promise<'created' | 'exists'> {
  const temporaryPassword = generateTemporaryPassword();
  try {
    await provisionNewAdmin(provisioningPorts(), {
      actor: { sub: 'bootstrap', username: 'start-emulators', groups: [] },
      email,
      correlationId: `bootstrap-${randomUUID()}`,
      temporaryPassword,
    });
  } catch (error) {
    if (error instanceof UserExistsError) return 'exists';
    throw error;
  }
  const login = await signIn().passwordLogin(email, temporaryPassword);
  if (!('challenge' in login)) throw new Error('The new admin was not asked for a new password.');
  await signIn().respondToNewPasswordChallenge({
    email,
    session: login.challenge.session,
    newPassword: password,
  });
  return 'created';
}
