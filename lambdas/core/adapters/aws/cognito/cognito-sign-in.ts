import {
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { normalizeEmail } from '../../../domain/email';
import type { AuthOutcome } from '../../../domain/tokens';
import type { SignIn } from '../../../ports/sign-in';
import type { CognitoPool } from './cognito-client';
import { toOutcome } from './cognito-mapping';

/** The sign-in port on Amazon Cognito (public APIs of the app client; no IAM permission). */
export class CognitoSignIn implements SignIn {
  constructor(private readonly pool: CognitoPool) {}

  async passwordLogin(email: string, password: string): Promise<AuthOutcome> {
    const answer = await this.pool.send(
      new InitiateAuthCommand({
        ClientId: this.pool.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: normalizeEmail(email), PASSWORD: password },
      }),
      'sign-in',
    );
    return toOutcome(answer);
  }

  async respondToNewPasswordChallenge(input: {
    email: string;
    session: string;
    newPassword: string;
  }): Promise<AuthOutcome> {
    const answer = await this.pool.send(
      new RespondToAuthChallengeCommand({
        ClientId: this.pool.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: input.session,
        ChallengeResponses: { USERNAME: normalizeEmail(input.email), NEW_PASSWORD: input.newPassword },
      }),
      'challenge',
    );
    return toOutcome(answer);
  }
}
