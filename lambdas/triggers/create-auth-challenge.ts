import type { CreateAuthChallengeTriggerEvent } from 'aws-lambda';
import { clock, mailer, rateLimiter } from '../core/deps';
import type { ChallengeRound } from '../core/domain/custom-auth';
import { cognitoTrigger } from '../core/trigger/preset';
import { createSignInChallenge } from '../core/workflows/triggers/sign-in-code';
import { TRIGGERS } from '../triggers';

/**
 * CreateAuthChallenge: createSignInChallenge (core/workflows/triggers/sign-in-code.ts).
 * Keys nothing on `clientMetadata` (Cognito does not deliver it on the
 * InitiateAuth round).
 */
export const handler = cognitoTrigger(
  TRIGGERS.createAuthChallenge,
  async (event: CreateAuthChallengeTriggerEvent): Promise<CreateAuthChallengeTriggerEvent> => {
    const answer = await createSignInChallenge(
      // The mailer resolves on first send: a round that mails nothing needs no SES configuration.
      { rateLimiter: rateLimiter(), mailer: { send: (email) => mailer().send(email) }, clock: clock() },
      {
        email: event.request.userAttributes?.email ?? event.userName ?? '',
        userNotFound: event.request.userNotFound === true,
        session: (event.request.session ?? []) as ChallengeRound[],
      },
    );
    event.response = { ...event.response, ...answer };
    return event;
  },
);
