import { signInPolicyPorts } from '../core/deps/sign-in-ports';
import { httpOperation } from '../core/http/preset';
import { login } from '../core/workflows/auth/login';
import { AUTH } from './operations';

/**
 * Signs in with email and password (Cognito `InitiateAuth`, USER_PASSWORD_AUTH;
 * core/workflows/auth/login.ts).
 * Answers `{ tokens }`, or `{ challenge }` such as NEW_PASSWORD_REQUIRED for an
 * invited user's first login, or MFA_SETUP with the secret to enroll. Wrong
 * password and unknown email answer the same 401 NOT_AUTHORIZED. A user of the
 * legacy app is migrated on the way (UserMigration trigger) and recorded.
 */
export const handler = httpOperation(AUTH.login, {}, async ({ body }) => ({
  status: 200,
  body: await login(signInPolicyPorts(), body),
}));
