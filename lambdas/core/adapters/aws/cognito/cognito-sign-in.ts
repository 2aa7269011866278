import {
  AssociateSoftwareTokenCommand,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { normalizeEmail } from '../../../domain/email';
import { InvalidSessionError, NotAuthorizedError, RequestValidationError } from '../../../domain/errors';
import {
  type AuthOutcome,
  type ChallengeName,
  type FirstFactor,
  type Tokens,
  USER_AUTH_STEPS,
} from '../../../domain/tokens';
import type { ChallengeAnswer, SignIn } from '../../../ports/sign-in';
import { type CognitoPool, RUNS_TRIGGERS, SEES_CALLER } from './cognito-client';
import { toOutcome, unwrapRefreshToken } from './cognito-mapping';
import { CognitoUserAuth } from './cognito-user-auth';

/** The challenge response key Cognito expects for each answerable challenge. */
const ANSWER_KEYS: Partial<Record<ChallengeName, { key: string; from: 'code' | 'newPassword' }>> = {
  NEW_PASSWORD_REQUIRED: { key: 'NEW_PASSWORD', from: 'newPassword' },
  SOFTWARE_TOKEN_MFA: { key: 'SOFTWARE_TOKEN_MFA_CODE', from: 'code' },
  SMS_MFA: { key: 'SMS_MFA_CODE', from: 'code' },
};

/** The sign-in port on Amazon Cognito (public APIs of the app client; no IAM permission). */
export class CognitoSignIn implements SignIn {
  constructor(
    private readonly pool: CognitoPool,
    /** The app client rotates refresh tokens (REFRESH_TOKEN_AUTH is then refused). */
    private readonly options: { refreshRotation?: boolean } = {},
  ) {}

  async passwordLogin(email: string, password: string): Promise<AuthOutcome> {
    const answer = await this.pool.send(
      new InitiateAuthCommand({
        ClientId: this.pool.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: {
          USERNAME: normalizeEmail(email),
          PASSWORD: password,
          ...(await this.pool.secretHashParameter(normalizeEmail(email))),
        },
      }),
      'sign-in',
      RUNS_TRIGGERS,
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
        ChallengeResponses: {
          USERNAME: normalizeEmail(input.email),
          NEW_PASSWORD: input.newPassword,
          ...(await this.pool.secretHashParameter(normalizeEmail(input.email))),
        },
      }),
      'challenge',
      SEES_CALLER,
    );
    return toOutcome(answer);
  }

  async startUserAuth(input: {
    email: string;
    preferred?: FirstFactor;
    session?: string;
  }): Promise<AuthOutcome> {
    return new CognitoUserAuth(this.pool).start(input);
  }

  async startMfaSetup(session: string): Promise<{ secretCode: string; session: string }> {
    const answer = await this.pool.send(new AssociateSoftwareTokenCommand({ Session: session }), 'challenge');
    if (!answer.SecretCode || !answer.Session) throw new InvalidSessionError();
    return { secretCode: answer.SecretCode, session: answer.Session };
  }

  async respondToChallenge(input: ChallengeAnswer): Promise<AuthOutcome> {
    if (input.name === 'MFA_SETUP') return this.answerMfaSetup(input);
    if (USER_AUTH_STEPS.has(input.name)) return new CognitoUserAuth(this.pool).answer(input);
    const answer = ANSWER_KEYS[input.name];
    const value = answer ? input[answer.from] : undefined;
    if (!answer || value === undefined) {
      throw new RequestValidationError(
        answer?.from ?? 'name',
        answer
          ? `${answer.from}: required to answer ${input.name}`
          : `name: ${input.name} cannot be answered here`,
      );
    }
    const result = await this.pool.send(
      new RespondToAuthChallengeCommand({
        ClientId: this.pool.clientId,
        ChallengeName: input.name,
        Session: input.session,
        ChallengeResponses: {
          USERNAME: normalizeEmail(input.email),
          [answer.key]: value,
          ...(await this.pool.secretHashParameter(normalizeEmail(input.email))),
        },
      }),
      'challenge',
      SEES_CALLER,
    );
    return toOutcome(result);
  }

  /** MFA_SETUP: VerifySoftwareToken on the session (a wrong code is CodeMismatch), then RespondToAuthChallenge. */
  private async answerMfaSetup(input: ChallengeAnswer): Promise<AuthOutcome> {
    if (input.code === undefined)
      throw new RequestValidationError('code', 'code: required to answer MFA_SETUP');
    const verified = await this.pool.send(
      new VerifySoftwareTokenCommand({ Session: input.session, UserCode: input.code }),
      'challenge',
    );
    if (verified.Status !== 'SUCCESS' || !verified.Session) throw new InvalidSessionError();
    const result = await this.pool.send(
      new RespondToAuthChallengeCommand({
        ClientId: this.pool.clientId,
        ChallengeName: 'MFA_SETUP',
        Session: verified.Session,
        ChallengeResponses: {
          USERNAME: normalizeEmail(input.email),
          ...(await this.pool.secretHashParameter(normalizeEmail(input.email))),
        },
      }),
      'challenge',
      SEES_CALLER,
    );
    return toOutcome(result);
  }

  async startCustomAuth(email: string): Promise<AuthOutcome> {
    const answer = await this.pool.send(
      new InitiateAuthCommand({
        ClientId: this.pool.clientId,
        AuthFlow: 'CUSTOM_AUTH',
        AuthParameters: {
          USERNAME: normalizeEmail(email),
          ...(await this.pool.secretHashParameter(normalizeEmail(email))),
        },
      }),
      'sign-in',
      RUNS_TRIGGERS,
    );
    return toOutcome(answer);
  }

  async answerCustomChallenge(input: {
    email: string;
    session: string;
    answer: string;
  }): Promise<AuthOutcome> {
    const answer = await this.pool.send(
      new RespondToAuthChallengeCommand({
        ClientId: this.pool.clientId,
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: input.session,
        ChallengeResponses: {
          USERNAME: normalizeEmail(input.email),
          ANSWER: input.answer,
          ...(await this.pool.secretHashParameter(normalizeEmail(input.email))),
        },
      }),
      'challenge',
      RUNS_TRIGGERS,
    );
    return toOutcome(answer);
  }

  /**
   * A refresh token as the API hands it out is `<username>~<Cognito's refresh token>`
   * (toOutcome): REFRESH_TOKEN_AUTH of a client with a secret needs a SECRET_HASH of
   * the user's username, which Cognito's refresh token does not reveal.
   */
  async refresh(refreshToken: string): Promise<Tokens> {
    const { username, cognitoToken } = unwrapRefreshToken(refreshToken);
    const answer = this.options.refreshRotation
      ? await this.pool.send(
          new GetTokensFromRefreshTokenCommand({
            ClientId: this.pool.clientId,
            RefreshToken: cognitoToken,
            ...(await this.pool.clientSecretField()),
          }),
          'sign-in',
        )
      : await this.pool.send(
          new InitiateAuthCommand({
            ClientId: this.pool.clientId,
            AuthFlow: 'REFRESH_TOKEN_AUTH',
            AuthParameters: {
              REFRESH_TOKEN: cognitoToken,
              ...(username ? await this.pool.secretHashParameter(username) : {}),
            },
          }),
          'sign-in',
          SEES_CALLER,
        );
    const outcome = toOutcome(answer);
    if (!('tokens' in outcome)) throw new NotAuthorizedError();
    return outcome.tokens;
  }

  async revoke(refreshToken: string): Promise<void> {
    const { cognitoToken } = unwrapRefreshToken(refreshToken);
    await this.pool.send(
      new RevokeTokenCommand({
        ClientId: this.pool.clientId,
        Token: cognitoToken,
        ...(await this.pool.clientSecretField()),
      }),
      'sign-in',
    );
  }
}
