import { randomBytes } from 'node:crypto';
import { normalizeEmail } from '../../../domain/email';
import { InvalidSessionError, NotAuthorizedError, UserNotConfirmedError } from '../../../domain/errors';
import { TOKEN_VALIDITY } from '../../../domain/pool-policy';
import type { AuthOutcome } from '../../../domain/tokens';
import type { FakeUser, PoolState } from './pool';
import { forgetExpired } from './sessions';
import type { TokenIssuer } from './tokens';
import type { Triggers } from './triggers';

interface Round {
  challengeName: 'CUSTOM_CHALLENGE';
  challengeResult: boolean;
  challengeMetadata?: string;
}

interface Pending {
  email: string;
  username?: string;
  rounds: Round[];
  privateParameters: Record<string, string>;
  metadata?: string;
  expiresAt: number;
}

type Defined = { issueTokens?: boolean; failAuthentication?: boolean; challengeName?: string };

/**
 * CUSTOM_AUTH as Cognito runs it: every round asks DefineAuthChallenge what
 * next (from the session history), CreateAuthChallenge for the challenge,
 * VerifyAuthChallengeResponse for each answer — the project's own trigger
 * handlers, with Cognito-shaped events (`userNotFound` for an unknown
 * address, as with PreventUserExistenceErrors). Each round has a new
 * session string, valid `authSessionMinutes`.
 */
export class CustomAuth {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly pool: PoolState,
    private readonly tokens: TokenIssuer,
    private readonly triggers: Triggers,
  ) {}

  async start(email: string): Promise<AuthOutcome> {
    const user = this.pool.find(email);
    if (user && !user.enabled) throw new NotAuthorizedError('User is disabled.');
    if (user?.status === 'UNCONFIRMED') throw new UserNotConfirmedError();
    return this.nextRound({
      email: normalizeEmail(email),
      ...(user ? { username: user.username } : {}),
      rounds: [],
    });
  }

  async answer(input: { email: string; session: string; answer: string }): Promise<AuthOutcome> {
    const state = this.pending.get(input.session);
    this.pending.delete(input.session);
    const now = this.pool.config.clock().getTime();
    if (!state || state.email !== normalizeEmail(input.email) || now > state.expiresAt)
      throw new InvalidSessionError();
    const user = state.username ? this.pool.byUsername(state.username) : undefined;
    const verified = (await this.call('VerifyAuthChallengeResponse', user, state, {
      privateChallengeParameters: state.privateParameters,
      challengeAnswer: input.answer,
    })) as { response?: { answerCorrect?: boolean } };
    const round: Round = {
      challengeName: 'CUSTOM_CHALLENGE',
      challengeResult: verified.response?.answerCorrect === true,
      ...(state.metadata ? { challengeMetadata: state.metadata } : {}),
    };
    return this.nextRound({
      email: state.email,
      ...(state.username ? { username: state.username } : {}),
      rounds: [...state.rounds, round],
    });
  }

  private async nextRound(state: Pick<Pending, 'email' | 'username' | 'rounds'>): Promise<AuthOutcome> {
    const user = state.username ? this.pool.byUsername(state.username) : undefined;
    const defined = (await this.call('DefineAuthChallenge', user, state, {})) as { response?: Defined };
    const decision = defined.response ?? {};
    if (decision.issueTokens && user) return { tokens: this.tokens.issue(user) };
    if (decision.failAuthentication || decision.challengeName !== 'CUSTOM_CHALLENGE')
      throw new NotAuthorizedError('Incorrect username or password.');
    const created = (await this.call('CreateAuthChallenge', user, state, {
      challengeName: 'CUSTOM_CHALLENGE',
    })) as {
      response?: {
        publicChallengeParameters?: Record<string, string>;
        privateChallengeParameters?: Record<string, string>;
        challengeMetadata?: string;
      };
    };
    const session = randomBytes(48).toString('base64url');
    forgetExpired(this.pending, this.pool.config.clock().getTime());
    this.pending.set(session, {
      ...state,
      privateParameters: created.response?.privateChallengeParameters ?? {},
      ...(created.response?.challengeMetadata ? { metadata: created.response.challengeMetadata } : {}),
      expiresAt: this.pool.config.clock().getTime() + TOKEN_VALIDITY.authSessionMinutes * 60_000,
    });
    return {
      challenge: {
        name: 'CUSTOM_CHALLENGE',
        session,
        parameters: created.response?.publicChallengeParameters ?? {},
      },
    };
  }

  /** Invokes a trigger with the event Cognito sends it; a missing trigger fails the sign-in, as in Cognito. */
  private async call(
    trigger: 'DefineAuthChallenge' | 'CreateAuthChallenge' | 'VerifyAuthChallengeResponse',
    user: FakeUser | undefined,
    state: Pick<Pending, 'email' | 'rounds'>,
    request: Record<string, unknown>,
  ): Promise<unknown> {
    if (!this.triggers.has(trigger)) throw new NotAuthorizedError('Incorrect username or password.');
    const withSession =
      trigger === 'VerifyAuthChallengeResponse' ? {} : { session: state.rounds.map((r) => ({ ...r })) };
    return this.triggers.call(trigger, {
      version: '1',
      triggerSource: `${trigger}_Authentication`,
      region: this.pool.config.region,
      userPoolId: this.pool.config.userPoolId,
      userName: user?.username ?? state.email,
      callerContext: { awsSdkVersion: 'in-memory', clientId: this.pool.config.clientId },
      request: {
        userAttributes: user ? { ...user.attributes } : {},
        ...withSession,
        ...request,
        ...(user ? {} : { userNotFound: true }),
      },
      response: {},
    });
  }
}
