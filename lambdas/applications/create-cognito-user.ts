import { clock, secretSource, userDirectory, userStore } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { querySignature } from '../core/http/webhook-signature';
import { createCognitoUser } from '../core/workflows/applications/create-cognito-user';
import { APPLICATIONS } from './operations';

/** POST /applications (signed webhook): createCognitoUser (core/workflows/applications/create-cognito-user.ts). */
export const handler = httpOperation(
  APPLICATIONS.createCognitoUser,
  { authenticate: querySignature('applicationWebhook', secretSource) },
  async ({ body }) => {
    const result = await createCognitoUser(
      { directory: userDirectory(), users: userStore(), clock: clock() },
      { email: body.email, ...(body.name ? { name: body.name } : {}) },
    );
    // A replayed delivery learns the account's id, never its current state.
    return result.created
      ? { status: 201, body: result }
      : { status: 200, body: { created: false, user: { userId: result.user.userId } } };
  },
);
