import { hmacHex } from '../../../lambdas/core/http/webhook-signature';
import {
  call,
  freshWorld,
  STRONG_PASSWORD,
  submitApplication,
  temporaryPasswordOf,
  WEBHOOK_SECRET,
} from '../../support/harness';

describe('logging across the applicant flow', () => {
  it('never writes a temporary password, new password, session, token or signature to a log line', async () => {
    const world = freshWorld();
    const lines: string[] = [];
    const capture = (...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    };
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      jest.spyOn(console, level).mockImplementation(capture),
    );
    process.env.LOG_LEVEL = 'info';
    try {
      const body = JSON.stringify({ email: 'jane@example.com' });
      const signature = hmacHex(WEBHOOK_SECRET, body);
      await call('createCognitoUser', { rawBody: body, query: { signature } });
      await call('createCognitoUser', { rawBody: body, query: { signature: 'f'.repeat(64) } });
      const temporaryPassword = temporaryPasswordOf(world, 'jane@example.com');
      await call('login', { body: { email: 'jane@example.com', password: 'Wr0ng!Password' } });
      const login = await call<{ challenge: { session: string } }>('login', {
        body: { email: 'jane@example.com', password: temporaryPassword },
      });
      await call('handleNewPasswordChallenge', {
        body: { email: 'jane@example.com', session: login.body.challenge.session, newPassword: 'weak' },
      });
      const done = await call<{ tokens: { accessToken: string; idToken: string; refreshToken: string } }>(
        'handleNewPasswordChallenge',
        {
          body: {
            email: 'jane@example.com',
            session: login.body.challenge.session,
            newPassword: STRONG_PASSWORD,
          },
        },
      );
      await call('getProfile', { token: done.body.tokens.accessToken });
      await call('getProfile', { token: 'garbage.token.value' });
      await call('resendTemporaryPassword', { body: { email: 'jane@example.com' } });
      await submitApplication({ email: 'second@example.com' });

      const secrets = [
        temporaryPassword,
        temporaryPasswordOf(world, 'second@example.com'),
        'Wr0ng!Password',
        STRONG_PASSWORD,
        login.body.challenge.session,
        done.body.tokens.accessToken,
        done.body.tokens.idToken,
        done.body.tokens.refreshToken,
        signature,
        WEBHOOK_SECRET,
      ];
      expect(lines.length).toBeGreaterThan(3); // refusals were logged...
      const leaks = secrets.filter((secret) => lines.some((line) => line.includes(secret)));
      expect(leaks).toEqual([]); // ...but no secret in any of them
    } finally {
      process.env.LOG_LEVEL = 'silent';
      for (const spy of spies) spy.mockRestore();
    }
  });
});
