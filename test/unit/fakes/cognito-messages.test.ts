import { InMemoryCognito } from '../../../lambdas/core/adapters/memory/cognito';
import { sharedJwtSigner } from '../../../lambdas/core/adapters/memory/jwt-signer';
import { Outbox } from '../../../lambdas/core/adapters/memory/outbox';
import { MOCK_POOL } from '../../../lambdas/core/adapters/memory/world';
import { POOL_TEMPLATES } from '../../../lambdas/core/domain/messages';
import type { PoolTrigger } from '../../../lambdas/core/ports/pool-triggers';
import { registryTriggers } from '../../../local/triggers';

function pool(triggers?: ConstructorParameters<typeof InMemoryCognito>[0]['triggers']) {
  const outbox = new Outbox();
  const cognito = new InMemoryCognito({ ...MOCK_POOL, signer: sharedJwtSigner(), outbox, triggers });
  return { cognito, outbox };
}

/** An invoker that records what the pool sent and answers with `answer`. */
function recording(answer: (event: Record<string, unknown>) => unknown) {
  const calls: Array<{ trigger: PoolTrigger; event: Record<string, unknown> }> = [];
  return {
    calls,
    triggers: {
      configured: new Set<PoolTrigger>(['CustomMessage']),
      async invoke(trigger: PoolTrigger, event: object) {
        calls.push({ trigger, event: structuredClone(event) as Record<string, unknown> });
        return answer(event as Record<string, unknown>);
      },
    },
  };
}

describe('the in-memory Cognito sending email', () => {
  it('uses the pool template when no CustomMessage trigger is configured', async () => {
    const { cognito, outbox } = pool();

    const user = await cognito.directory.createUser({ email: 'jane@example.com' });

    const [message] = outbox.list('jane@example.com');
    expect(message).toMatchObject({ kind: 'TEMPORARY_PASSWORD', subject: POOL_TEMPLATES.invitation.subject });
    // With email sign-in, Cognito fills {username} with the UUID username.
    expect(message?.text).toBe(
      POOL_TEMPLATES.invitation.body
        .replace('{username}', () => user.username)
        .replace('{####}', () => message?.secret as string),
    );
  });

  it('calls CustomMessage with a Cognito-shaped AdminCreateUser event, invitation in clientMetadata', async () => {
    const spy = recording((event) => event);
    const { cognito } = pool(spy.triggers);

    const user = await cognito.directory.createUser({ email: 'Ops@Example.com', invitation: 'admin' });

    expect(spy.calls).toEqual([
      {
        trigger: 'CustomMessage',
        event: {
          version: '1',
          region: 'us-east-1',
          userPoolId: MOCK_POOL.userPoolId,
          userName: user.username,
          callerContext: { awsSdkVersion: expect.any(String), clientId: 'CLIENT_ID_NOT_APPLICABLE' },
          triggerSource: 'CustomMessage_AdminCreateUser',
          request: {
            userAttributes: expect.objectContaining({
              sub: user.sub,
              email: 'ops@example.com',
              'cognito:user_status': 'FORCE_CHANGE_PASSWORD',
            }),
            codeParameter: '{####}',
            linkParameter: '{##Click Here##}',
            usernameParameter: '{username}',
            clientMetadata: { invitation: 'admin' },
          },
          response: { smsMessage: null, emailMessage: null, emailSubject: null },
        },
      },
    ]);
  });

  it("delivers the trigger's branded message with the placeholders filled in", async () => {
    const { cognito, outbox } = pool(registryTriggers());

    const user = await cognito.directory.createUser({ email: 'ops@example.com', invitation: 'admin' });
    await cognito.directory.resendTemporaryPassword('ops@example.com', 'admin');

    const messages = outbox.list('ops@example.com');
    expect(messages.map((m) => m.kind)).toEqual(['ADMIN_INVITE', 'ADMIN_INVITE']);
    for (const message of messages) {
      expect(message.subject).toBe('Cognito account backend: your administrator invitation');
      expect(message.html).toContain(`<strong>${message.secret}</strong>`);
      expect(message.html).toContain('Sign in as ops@example.com');
      expect(message.html).toContain(`Account reference: ${user.username}.`);
      expect(message.html).not.toMatch(/\{####\}|\{username\}/);
    }
  });

  it('falls back to the pool template when the custom message drops a required placeholder', async () => {
    const spy = recording((event) => ({
      ...event,
      response: { emailSubject: 'Hi', emailMessage: 'Your password is {####}.', smsMessage: null },
    }));
    const { cognito, outbox } = pool(spy.triggers);

    await cognito.directory.createUser({ email: 'jane@example.com' });

    expect(outbox.list('jane@example.com')[0]?.subject).toBe(POOL_TEMPLATES.invitation.subject);
  });

  it('fails AdminCreateUser and creates nobody when the trigger throws, as Cognito does', async () => {
    const spy = recording(() => {
      throw new Error('boom');
    });
    const { cognito, outbox } = pool(spy.triggers);

    await expect(cognito.directory.createUser({ email: 'jane@example.com' })).rejects.toMatchObject({
      name: 'UserLambdaValidationException',
      message: 'CustomMessage failed with error boom.',
    });
    await expect(cognito.directory.getUser('jane@example.com')).resolves.toBeUndefined();
    expect(outbox.list()).toEqual([]);
  });
});
