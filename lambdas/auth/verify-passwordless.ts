import { emailSenderConfigured, sessionSeal } from '../core/deps';
import { signInPolicyPorts } from '../core/deps/sign-in-ports';
import { httpOperation } from '../core/http/preset';
import { verifyPasswordless } from '../core/workflows/auth/verify-passwordless';
import { AUTH } from './operations';

/** POST /auth/passwordless/verify: verifyPasswordless (core/workflows/auth/verify-passwordless.ts). */
export const handler = httpOperation(AUTH.verifyPasswordless, {}, async ({ body }) => ({
  status: 200,
  body: await verifyPasswordless(
    { ...signInPolicyPorts(), emailSender: emailSenderConfigured(), seal: sessionSeal() },
    body,
  ),
}));
