import type { DefineAuthChallengeTriggerEvent } from 'aws-lambda';
import { handler as define } from '../../../lambdas/triggers/define-auth-challenge';
import { lambdaContext } from '../../../local/api-gateway';
import { attributes, base, round } from '../../support/custom-auth-events';

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
