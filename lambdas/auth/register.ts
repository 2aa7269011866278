import { clock, secretSource, selfService, userStore } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { register } from '../core/workflows/auth/register';
import { AUTH } from './operations';

/** POST /auth/register: register (core/workflows/auth/register.ts); 201, also for a taken email. */
export const handler = httpOperation(AUTH.register, {}, async ({ body }) => ({
  status: 201,
  body: await register(
    { selfService: selfService(), users: userStore(), clock: clock(), secrets: secretSource() },
    body,
  ),
}));
