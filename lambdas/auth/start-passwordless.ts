import { emailSenderConfigured, sessionSeal, signIn } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { startPasswordless } from '../core/workflows/auth/start-passwordless';
import { AUTH } from './operations';

/** POST /auth/passwordless/start: startPasswordless (core/workflows/auth/start-passwordless.ts). */
export const handler = httpOperation(AUTH.startPasswordless, {}, async ({ body }) => ({
  status: 200,
  body: await startPasswordless(
    { signIn: signIn(), emailSender: emailSenderConfigured(), seal: sessionSeal() },
    body.email,
  ),
}));
