import { rateLimiter, sessionSeal } from '../core/deps';
import { signInPolicyPorts } from '../core/deps/sign-in-ports';
import { httpOperation } from '../core/http/preset';
import { answerChallenge } from '../core/workflows/auth/respond-to-challenge';
import { AUTH } from './operations';

/**
 * POST /auth/challenge: answerChallenge (core/workflows/auth/respond-to-challenge.ts). A wrong
 * code is 400 CODE_MISMATCH (the session allows a few tries); an expired or
 * used session 401 NOT_AUTHORIZED.
 */
export const handler = httpOperation(AUTH.respondToChallenge, {}, async ({ body }) => ({
  status: 200,
  body: await answerChallenge(
    { ...signInPolicyPorts(), rateLimiter: rateLimiter(), seal: sessionSeal() },
    body,
  ),
}));
