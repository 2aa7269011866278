import {
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { normalizeEmail } from '../../../domain/email';
import { RequestValidationError } from '../../../domain/errors';
import type { AuthOutcome, FirstFactor } from '../../../domain/tokens';
import type { ChallengeAnswer } from '../../../ports/sign-in';
import { type CognitoPool, RUNS_TRIGGERS } from './cognito-client';
import { toOutcome } from './cognito-mapping';

/**
 * USER_AUTH on Amazon Cognito (choice-based sign-in; public APIs of the app
 * client). The API's PASSWORD challenge is Cognito's SELECT_CHALLENGE answered
 * with `ANSWER: PASSWORD` and the password, in the same session.
 */
export class CognitoUserAuth {
  constructor(private readonly pool: CognitoPool) {}

  async start(input: { email: string; preferred?: FirstFactor; session?: string }): Promise<AuthOutcome> {
    const username = normalizeEmail(input.email);
    const preferred = input.preferred === 'PASSWORD' ? undefined : input.preferred;
    const answer = await this.pool.send(
      new InitiateAuthCommand({
        ClientId: this.pool.clientId,
        AuthFlow: 'USER_AUTH',
        ...(input.session ? { Session: input.session } : {}),
        AuthParameters: {
          USERNAME: username,
          ...(preferred ? { PREFERRED_CHALLENGE: preferred } : {}),
          ...(await this.pool.secretHashParameter(username)),
        },
      }),
      'sign-in',
      RUNS_TRIGGERS,
    );
    const outcome = toOutcome(answer);
    // A preferred password: the SELECT_CHALLENGE session, answered with the password next.
    if (
      input.preferred === 'PASSWORD' &&
      'challenge' in outcome &&
      outcome.challenge.name === 'SELECT_CHALLENGE'
    )
      return { challenge: { name: 'PASSWORD', session: outcome.challenge.session } };
    return outcome;
  }

  async answer(input: ChallengeAnswer): Promise<AuthOutcome> {
    const username = normalizeEmail(input.email);
    const responses = this.responses(input);
    const name = input.name === 'PASSWORD' ? 'SELECT_CHALLENGE' : input.name;
    const answer = await this.pool.send(
      new RespondToAuthChallengeCommand({
        ClientId: this.pool.clientId,
        ChallengeName: name as 'SELECT_CHALLENGE',
        Session: input.session,
        ChallengeResponses: {
          USERNAME: username,
          ...responses,
          ...(await this.pool.secretHashParameter(username)),
        },
      }),
      'challenge',
      RUNS_TRIGGERS,
    );
    return toOutcome(answer);
  }

  private responses(input: ChallengeAnswer): Record<string, string> {
    const need = <T>(value: T | undefined, field: string): T => {
      if (value === undefined)
        throw new RequestValidationError(field, `${field}: required to answer ${input.name}`);
      return value;
    };
    switch (input.name) {
      case 'SELECT_CHALLENGE': {
        const choice = need(input.answer, 'answer');
        return {
          ANSWER: choice,
          ...(choice === 'PASSWORD' && input.password !== undefined ? { PASSWORD: input.password } : {}),
        };
      }
      case 'PASSWORD':
        return { ANSWER: 'PASSWORD', PASSWORD: need(input.password, 'password') };
      case 'EMAIL_OTP':
        return { EMAIL_OTP_CODE: need(input.code, 'code') };
      default:
        return { CREDENTIAL: JSON.stringify(need(input.credential, 'credential')) };
    }
  }
}
