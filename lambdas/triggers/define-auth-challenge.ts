import type { DefineAuthChallengeTriggerEvent } from 'aws-lambda';
import { decide } from '../core/domain/custom-auth';
import { cognitoTrigger } from '../core/trigger/preset';
import { TRIGGERS } from '../triggers';

/**
 * DefineAuthChallenge: pure logic, no SDK (core/domain/custom-auth.ts). The
 * same decision for known and unknown users (`userNotFound`): the unknown
 * address goes through identical rounds that can never succeed.
 */
export const handler = cognitoTrigger(
  TRIGGERS.defineAuthChallenge,
  async (event: DefineAuthChallengeTriggerEvent): Promise<DefineAuthChallengeTriggerEvent> => {
    const decision = decide(event.request?.session);
    const answer = event.request?.userNotFound ? { ...decision, issueTokens: false } : decision;
    event.response = { ...event.response, ...answer } as DefineAuthChallengeTriggerEvent['response'];
    return event;
  },
);
