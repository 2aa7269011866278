import { rateLimiter, sessionSeal } from '../core/deps';
import { signInPolicyPorts } from '../core/deps/sign-in-ports';
import { httpOperation } from '../core/http/preset';
import { signInWithChoice } from '../core/workflows/auth/sign-in';
import { AUTH } from './operations';

/**
 * POST /auth/sign-in: signInWithChoice (core/workflows/auth/sign-in.ts), Cognito's
 * USER_AUTH. Answers `{ challenge }` — SELECT_CHALLENGE with `availableChallenges`,
 * or PASSWORD, EMAIL_OTP, WEB_AUTHN with `credentialRequestOptions` — to answer
 * at POST /auth/challenge; the same for an unknown email.
 */
export const handler = httpOperation(AUTH.signIn, {}, async ({ body }) => ({
  status: 200,
  body: await signInWithChoice(
    { ...signInPolicyPorts(), rateLimiter: rateLimiter(), seal: sessionSeal() },
    body,
  ),
}));
