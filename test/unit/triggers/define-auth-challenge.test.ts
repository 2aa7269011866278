import type { DefineAuthChallengeTriggerEvent } from 'aws-lambda';
import { handler as define } from '../../../lambdas/triggers/define-auth-challenge';
import { lambdaContext } from '../../../local/api-gateway';

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
