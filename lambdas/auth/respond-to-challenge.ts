import { signIn, userStore } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { mirrorEmailConfirmed } from '../core/workflows/new-password';
import { AUTH } from './operations';

/**
 * POST /auth/challenge: RespondToAuthChallenge. A wrong code is 400
 * CODE_MISMATCH (the session allows a few tries); an expired or used session
 * 401 NOT_AUTHORIZED. Answering NEW_PASSWORD_REQUIRED here also mirrors the
 * confirmed email on the ladder, as /auth/new-password does.
 */
export const handler = httpOperation(AUTH.respondToChallenge, {}, async ({ body }) => {
  const outcome = await signIn().respondToChallenge(body);
  if (body.name === 'NEW_PASSWORD_REQUIRED') await mirrorEmailConfirmed(userStore(), body.email);
  return { status: 200, body: outcome };
});
