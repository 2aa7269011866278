import type {
  CreateAuthChallengeTriggerEvent,
  DefineAuthChallengeTriggerEvent,
  VerifyAuthChallengeResponseTriggerEvent,
} from 'aws-lambda';
import { handler as create } from '../../../lambdas/triggers/create-auth-challenge';
import { handler as define } from '../../../lambdas/triggers/define-auth-challenge';
import { handler as verify } from '../../../lambdas/triggers/verify-auth-challenge-response';
import { lambdaContext } from '../../../local/api-gateway';
import { freshWorld } from '../../support/harness';

// Event shapes from Cognito's developer guide ("Define/Create/Verify auth challenge Lambda trigger").
const base = {
  version: '1',
  region: 'us-east-1',
  userPoolId: 'us-east-1_EXAMPLE',
  userName: 'a1b2c3d4-0000-4000-8000-000000000001',
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
};
const attributes = { sub: base.userName, email: 'pat@example.com', email_verified: 'true' };
const round = (challengeResult: boolean, challengeMetadata = 'CODE-123456-1700000000') => ({
  challengeName: 'CUSTOM_CHALLENGE',
  challengeResult,
  challengeMetadata,
});

function defineEvent(session: unknown[], userNotFound = false): DefineAuthChallengeTriggerEvent {
  return {
    ...base,
    triggerSource: 'DefineAuthChallenge_Authentication',
    request: { userAttributes: attributes, session, userNotFound },
    response: {},
  } as unknown as DefineAuthChallengeTriggerEvent;
}

const decide = async (session: unknown[], userNotFound = false) =>
  (await define(defineEvent(session, userNotFound), lambdaContext('defineAuthChallenge'))).response;

describe('DefineAuthChallenge', () => {
  it('asks for a CUSTOM_CHALLENGE first and after a wrong answer, tokens after a right one', async () => {
    expect(await decide([])).toMatchObject({
      challengeName: 'CUSTOM_CHALLENGE',
      issueTokens: false,
      failAuthentication: false,
    });
    expect(await decide([round(false)])).toMatchObject({
      challengeName: 'CUSTOM_CHALLENGE',
      failAuthentication: false,
    });
    expect(await decide([round(false), round(true)])).toMatchObject({
      issueTokens: true,
      failAuthentication: false,
    });
  });

  it('fails after the third wrong answer, on any other challenge or malformed entry, and never issues for an unknown user', async () => {
    expect(await decide([round(false), round(false), round(false)])).toMatchObject({
      failAuthentication: true,
      issueTokens: false,
    });
    expect(await decide([{ challengeName: 'SRP_A', challengeResult: true }])).toMatchObject({
      failAuthentication: true,
    });
    expect(await decide([{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: 'true' }])).toMatchObject({
      failAuthentication: true,
    });
    expect(await decide([null])).toMatchObject({ failAuthentication: true });
    expect(await decide([round(true)], true)).toMatchObject({ issueTokens: false });
  });
});

describe('CreateAuthChallenge and VerifyAuthChallengeResponse', () => {
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

  function verifyEvent(privateChallengeParameters: Record<string, string>, challengeAnswer: string) {
    return {
      ...base,
      triggerSource: 'VerifyAuthChallengeResponse_Authentication',
      request: {
        userAttributes: attributes,
        privateChallengeParameters,
        challengeAnswer,
        userNotFound: false,
      },
      response: {},
    } as unknown as VerifyAuthChallengeResponseTriggerEvent;
  }
  const check = async (parameters: Record<string, string>, answer: string) =>
    (await verify(verifyEvent(parameters, answer), lambdaContext('verifyAuthChallengeResponse'))).response
      .answerCorrect;

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

  it('accepts the code in constant time within 3 minutes, and nothing else', async () => {
    const issuedAt = String(Math.floor(world.clock().getTime() / 1000));
    const parameters = { code: '042042', issuedAt, attempt: '1' };
    expect(await check(parameters, '042042')).toBe(true);
    expect(await check(parameters, ' 042042 ')).toBe(true);
    for (const bad of ['042043', '42042', '0420420', '', '04204a'])
      expect(await check(parameters, bad)).toBe(false);
    expect(await check({ issuedAt, attempt: '1' }, '000000')).toBe(false); // a round that mailed nothing
    world.advance(181_000);
    expect(await check(parameters, '042042')).toBe(false);
  });
});
