import { signIn, userStore } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { handleNewPasswordChallenge } from '../core/workflows/new-password';
import { AUTH } from './operations';

/** POST /auth/new-password: handleNewPasswordChallenge (core/workflows/new-password.ts). */
export const handler = httpOperation(AUTH.handleNewPasswordChallenge, {}, async ({ body }) => ({
  status: 200,
  body: await handleNewPasswordChallenge({ signIn: signIn(), users: userStore() }, body),
}));
