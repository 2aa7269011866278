import type { VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';
import { handler as verify } from '../../../lambdas/triggers/verify-auth-challenge-response';
import { lambdaContext } from '../../../local/api-gateway';
import { attributes, base } from '../../support/custom-auth-events';
import { freshWorld } from '../../support/harness';

describe('VerifyAuthChallengeResponse', () => {
  let world: ReturnType<typeof freshWorld>;
  beforeEach(() => {
    world = freshWorld();
  });

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
