import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { ForbiddenError } from '../core/domain/errors';
import { brandedMessage, type MessageSource } from '../core/domain/messages';
import { cognitoTrigger } from '../core/trigger/preset';
import { TRIGGERS } from '../triggers';

/**
 * CustomMessage: brands the emails Cognito sends — the applicant and admin
 * invitations (told apart by `clientMetadata.invitation`, which
 * AdminCreateUser passes on), the sign-up verification and the password
 * reset. Messages it does not brand keep the pool's templates.
 *
 * It refuses to write the code that would confirm a changed email
 * (`UpdateUserAttribute`, `VerifyUserAttribute`): Cognito then fails a
 * self-service UpdateUserAttributes / GetUserAttributeVerificationCode, and
 * with `keepOriginal` the email stays the one the `Users` table holds
 * (docs/security.md). The API has no email change of its own.
 */
const EMAIL_CHANGE = new Set(['CustomMessage_UpdateUserAttribute', 'CustomMessage_VerifyUserAttribute']);

export const handler = cognitoTrigger(
  TRIGGERS.customMessage,
  async (event: CustomMessageTriggerEvent): Promise<CustomMessageTriggerEvent> => {
    if (EMAIL_CHANGE.has(event.triggerSource)) {
      throw new ForbiddenError('Email addresses are changed by an administrator, not here');
    }
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
