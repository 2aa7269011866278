import { clock, selfService, userStore } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { resetPassword } from '../core/workflows/auth/reset-password';
import { AUTH } from './operations';

/** POST /auth/password/reset: resetPassword (core/workflows/auth/reset-password.ts). */
export const handler = httpOperation(AUTH.resetPassword, {}, async ({ body }) => {
  await resetPassword({ selfService: selfService(), users: userStore(), clock: clock() }, body);
  return { status: 200, body: { message: 'Your password has been reset. Sign in with the new one.' } };
});
