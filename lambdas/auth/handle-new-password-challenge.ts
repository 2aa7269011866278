import { signInPolicyPorts } from '../core/deps/sign-in-ports';
import { httpOperation } from '../core/http/preset';
import { handleNewPasswordChallenge } from '../core/workflows/auth/handle-new-password-challenge';
import { AUTH } from './operations';

/** POST /auth/new-password: handleNewPasswordChallenge (core/workflows/auth/handle-new-password-challenge.ts). */
export const handler = httpOperation(AUTH.handleNewPasswordChallenge, {}, async ({ body }) => ({
  status: 200,
  body: await handleNewPasswordChallenge(signInPolicyPorts(), body),
}));
