import type { CreateAuthChallengeTriggerEvent } from 'aws-lambda';
import { handler as create } from '../../../lambdas/triggers/create-auth-challenge';
import { lambdaContext } from '../../../local/api-gateway';
import { attributes, base, round } from '../../support/custom-auth-events';
import { freshWorld } from '../../support/harness';

describe('CreateAuthChallenge', () => {
  let world: ReturnType<typeof freshWorld>;
  beforeEach(() => {
    world = freshWorld();
  });

  function createEvent(session: unknown[], userNotFound = false): CreateAuthChallengeTriggerEvent {
    return {
      ...base,
      triggerSource: 'CreateAuthChallenge_Authentication',
      request: {
        userAttributes: userNotFound ? {} : attributes,
        challengeName: 'CUSTOM_CHALLENGE',
        session,
        userNotFound,
      },
      response: {},
    } as unknown as CreateAuthChallengeTriggerEvent;
  }
  const run = async (session: unknown[], userNotFound = false) =>
    (await create(createEvent(session, userNotFound), lambdaContext('createAuthChallenge'))).response;

  it('mails a code and keeps it out of the public parameters; a retry reuses it without mailing', async () => {
    const first = await run([]);
    const mailed = world.outbox.list('pat@example.com');
    expect(mailed).toHaveLength(1);
    const code = mailed[0]?.secret as string;
    expect(first.publicChallengeParameters).toEqual({ delivery: 'EMAIL', attemptsRemaining: '3' });
    expect(first.privateChallengeParameters).toMatchObject({ code, attempt: '1' });
    expect(first.challengeMetadata).toMatch(new RegExp(`^CODE-${code}-\\d+$`));

    const retry = await run([round(false, first.challengeMetadata)]);
    expect(retry.privateChallengeParameters).toMatchObject({ code, attempt: '2' });
    expect(retry.publicChallengeParameters.attemptsRemaining).toBe('2');
    expect(world.outbox.list('pat@example.com')).toHaveLength(1);
  });

  it('answers an unknown user with an identically shaped challenge and sends nothing', async () => {
    const known = await run([]);
    const unknown = await run([], true);
    expect(Object.keys(unknown.publicChallengeParameters)).toEqual(
      Object.keys(known.publicChallengeParameters),
    );
    expect(unknown.privateChallengeParameters.code).toBeUndefined();
    expect(world.outbox.list()).toHaveLength(1); // only the known user's
  });
});
