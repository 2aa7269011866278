import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { brandedMessage, type MessageSource } from '../core/domain/messages';
import { cognitoTrigger } from '../core/trigger/preset';
import { TRIGGERS } from '../triggers';

/**
 * CustomMessage: brands the emails Cognito sends — the applicant and admin
 * invitations (told apart by `clientMetadata.invitation`, which
 * AdminCreateUser passes on), the sign-up verification and the password
 * reset. Messages it does not brand keep the pool's templates.
 */
export const handler = cognitoTrigger(
  TRIGGERS.customMessage,
  async (event: CustomMessageTriggerEvent): Promise<CustomMessageTriggerEvent> => {
    const message = brandedMessage({
      source: event.triggerSource.replace(/^CustomMessage_/, '') as MessageSource,
      invitation: event.request.clientMetadata?.invitation,
      email: event.request.userAttributes?.email,
      name: event.request.userAttributes?.name,
    });
    if (message) {
      event.response.emailSubject = message.subject;
      event.response.emailMessage = message.html;
    }
    return event;
  },
);
