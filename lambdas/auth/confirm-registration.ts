import { clock, selfService, userDirectory, userStore } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { confirmRegistration } from '../core/workflows/auth/confirm-registration';
import { AUTH } from './operations';

/** POST /auth/register/confirm: confirmRegistration (core/workflows/auth/confirm-registration.ts). */
export const handler = httpOperation(AUTH.confirmRegistration, {}, async ({ body }) => ({
  status: 200,
  body: await confirmRegistration(
    { selfService: selfService(), users: userStore(), directory: userDirectory(), clock: clock() },
    body,
  ),
}));
