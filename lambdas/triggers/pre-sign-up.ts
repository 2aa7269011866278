import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { clock, secretSource } from '../core/deps';
import { ForbiddenError } from '../core/domain/errors';
import { SIGN_UP_TICKET_FIELD, validSignUpTicket } from '../core/domain/sign-up-ticket';
import { cognitoTrigger } from '../core/trigger/preset';
import { TRIGGERS } from '../triggers';

/**
 * PreSignUp: self sign-up goes through `POST /auth/register` only. A SignUp
 * without the API's ticket (ClientMetadata) for this email is refused — the
 * public app client id is no way around the API's limits and uniform
 * answers. AdminCreateUser (IAM-authorized) and federated sign-ins pass.
 */
export const handler = cognitoTrigger(
  TRIGGERS.preSignUp,
  async (event: PreSignUpTriggerEvent): Promise<PreSignUpTriggerEvent> => {
    if (event.triggerSource !== 'PreSignUp_SignUp') return event;
    const key = await secretSource().get('signUpTicket');
    const ticket = event.request.clientMetadata?.[SIGN_UP_TICKET_FIELD];
    if (!validSignUpTicket(key, event.request.userAttributes?.email ?? '', ticket, clock()())) {
      throw new ForbiddenError('Sign-up is only possible through the API.');
    }
    return event;
  },
);
