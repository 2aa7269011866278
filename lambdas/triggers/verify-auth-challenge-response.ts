import type { VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';
import { clock, rateLimiter } from '../core/deps';
import { cognitoTrigger } from '../core/trigger/preset';
import { verifySignInAnswer } from '../core/workflows/triggers/sign-in-code';
import { TRIGGERS } from '../triggers';

/** VerifyAuthChallengeResponse: verifySignInAnswer (core/workflows/triggers/sign-in-code.ts). */
export const handler = cognitoTrigger(
  TRIGGERS.verifyAuthChallengeResponse,
  async (
    event: VerifyAuthChallengeResponseTriggerEvent,
  ): Promise<VerifyAuthChallengeResponseTriggerEvent> => {
    const answerCorrect = await verifySignInAnswer(
      { rateLimiter: rateLimiter(), clock: clock() },
      {
        email: event.request.userAttributes?.email ?? event.userName ?? '',
        privateParameters: event.request.privateChallengeParameters ?? {},
        answer: event.request.challengeAnswer,
      },
    );
    event.response = { answerCorrect };
    return event;
  },
);
