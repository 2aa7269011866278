import { randomBytes, randomInt } from 'node:crypto';
import { normalizeEmail } from '../../../domain/email';
import {
  CodeMismatchError,
  InvalidSessionError,
  NotAuthorizedError,
  RequestValidationError,
  UserNotConfirmedError,
} from '../../../domain/errors';
import { TOKEN_VALIDITY } from '../../../domain/pool-policy';
import type { AuthOutcome, FirstFactor } from '../../../domain/tokens';
import type { ChallengeAnswer } from '../../../ports/sign-in';
import { passwordAccepted } from './lockout';
import type { Messenger } from './messages';
import { hashPassword, passwordMatches } from './passwords';
import type { FakeUser, PoolState } from './pool';
import { forgetExpired, MAX_CHALLENGE_FAILURES } from './sessions';
import type { TokenIssuer } from './tokens';
import type { FakeWebAuthn } from './webauthn';

/** Digits of a USER_AUTH email code, and how long it is valid (not settled against Cognito: docs/fidelity.md). */
export const EMAIL_OTP = { digits: 8, validityMs: 3 * 60_000 } as const;

type Step = 'SELECT_CHALLENGE' | FirstFactor;

interface Pending {
  email: string;
  username?: string;
  step: Step;
  expiresAt: number;
  failures: number;
  /** EMAIL_OTP: the code's digest (as the pool keeps every code) and expiry; none for an unknown or unverified address. */
  code?: { hash: Buffer; expiresAt: number };
  /** WEB_AUTHN: the challenge of the request options. */
  challenge?: string;
}

/**
 * USER_AUTH, Cognito's choice-based sign-in: SELECT_CHALLENGE with the first
 * factors the pool allows, then PASSWORD, EMAIL_OTP (a code mailed through
 * the pool's messages) or WEB_AUTHN (a passkey). An unknown email gets the
 * same challenges, and its answers fail as a wrong one does. A password goes
 * on as a password sign-in does (`afterPassword`: a new password, TOTP);
 * an email code or a passkey issues tokens.
 */
export class UserAuth {
  private readonly pending = new Map<string, Pending>();
  /** ConfirmSignUp sessions: one USER_AUTH sign-in without another factor. */
  private readonly confirmed = new Map<string, { username: string; expiresAt: number }>();

  constructor(
    private readonly pool: PoolState,
    private readonly tokens: TokenIssuer,
    private readonly messenger: Messenger,
    private readonly webauthn: FakeWebAuthn,
    private readonly afterPassword: (user: FakeUser) => AuthOutcome,
  ) {}

  /**
   * The first factors this pool allows, as the stack's sign-in policy sets
   * them: a password always; email codes and passkeys (with a relying party)
   * unless the pool requires MFA.
   */
  get factors(): FirstFactor[] {
    if (this.pool.config.mfa === 'REQUIRED') return ['PASSWORD'];
    return ['PASSWORD', 'EMAIL_OTP', ...(this.webauthn.config ? (['WEB_AUTHN'] as const) : [])];
  }

  /** ConfirmSignUp's session for `user` (valid as long as a challenge session). */
  openConfirmedSession(user: FakeUser): string {
    const session = randomBytes(48).toString('base64url');
    forgetExpired(this.confirmed, this.now());
    this.confirmed.set(session, { username: user.username, expiresAt: this.now() + this.sessionMs() });
    return session;
  }

  async start(input: { email: string; preferred?: FirstFactor; session?: string }): Promise<AuthOutcome> {
    const user = this.pool.find(input.email);
    if (user && !user.enabled) throw new NotAuthorizedError('User is disabled.');
    if (user?.status === 'UNCONFIRMED') throw new UserNotConfirmedError();
    if (input.session !== undefined) return this.confirmedSignIn(user, input.session);
    const state = { email: normalizeEmail(input.email), ...(user ? { username: user.username } : {}) };
    if (input.preferred && this.factors.includes(input.preferred)) return this.open(state, input.preferred);
    return this.open(state, 'SELECT_CHALLENGE');
  }

  async answer(input: ChallengeAnswer): Promise<AuthOutcome> {
    const state = this.pending.get(input.session);
    if (
      !state ||
      state.step !== input.name ||
      state.email !== normalizeEmail(input.email) ||
      this.now() > state.expiresAt
    ) {
      this.pending.delete(input.session);
      throw new InvalidSessionError();
    }
    const user = state.username ? this.pool.byUsername(state.username) : undefined;
    if (state.step === 'SELECT_CHALLENGE') {
      this.pending.delete(input.session);
      const answer = input.answer;
      if (!answer || !this.factors.includes(answer))
        throw new RequestValidationError('answer', `answer: one of ${this.factors.join(', ')}`);
      if (answer === 'PASSWORD' && input.password !== undefined) return this.password(user, input.password);
      return this.open(state, answer);
    }
    if (state.step === 'PASSWORD') {
      this.pending.delete(input.session);
      return this.password(user, required(input.password, 'password'));
    }
    if (state.step === 'EMAIL_OTP') {
      if (!codeMatches(state, required(input.code, 'code'), this.now()) || !user) {
        if (++state.failures >= MAX_CHALLENGE_FAILURES) this.pending.delete(input.session);
        throw new CodeMismatchError('The code is wrong.');
      }
      this.pending.delete(input.session);
      return { tokens: this.tokens.issue(user) };
    }
    this.pending.delete(input.session);
    const credential = required(input.credential, 'credential');
    if (
      !state.challenge ||
      !(await this.webauthn.verifyAssertion(user, state.challenge, credential)) ||
      !user
    )
      throw new NotAuthorizedError('The passkey was not accepted.');
    return { tokens: this.tokens.issue(user) };
  }

  private async open(state: Pick<Pending, 'email' | 'username'>, step: Step): Promise<AuthOutcome> {
    const session = randomBytes(48).toString('base64url');
    forgetExpired(this.pending, this.now());
    const pending: Pending = { ...state, step, expiresAt: this.now() + this.sessionMs(), failures: 0 };
    const user = state.username ? this.pool.byUsername(state.username) : undefined;
    if (step === 'EMAIL_OTP' && user?.status === 'CONFIRMED' && user.attributes.email_verified === 'true') {
      const code = String(randomInt(0, 10 ** EMAIL_OTP.digits)).padStart(EMAIL_OTP.digits, '0');
      await this.messenger.send(user, { source: 'Authentication', secret: code });
      pending.code = { hash: hashPassword(code), expiresAt: this.now() + EMAIL_OTP.validityMs };
    }
    let credentialRequestOptions: Record<string, unknown> | undefined;
    if (step === 'WEB_AUTHN') {
      credentialRequestOptions = await this.webauthn.requestOptions(user);
      pending.challenge = String(credentialRequestOptions.challenge);
    }
    this.pending.set(session, pending);
    return {
      challenge: {
        name: step,
        session,
        ...(step === 'SELECT_CHALLENGE' ? { availableChallenges: this.factors } : {}),
        ...(credentialRequestOptions ? { credentialRequestOptions } : {}),
      },
    };
  }

  private password(user: FakeUser | undefined, password: string): AuthOutcome {
    if (!user || !passwordAccepted(user, password, this.now())) throw new NotAuthorizedError();
    return this.afterPassword(user);
  }

  private confirmedSignIn(user: FakeUser | undefined, session: string): AuthOutcome {
    const entry = this.confirmed.get(session);
    this.confirmed.delete(session);
    if (!entry || !user || entry.username !== user.username || this.now() > entry.expiresAt)
      throw new InvalidSessionError();
    return { tokens: this.tokens.issue(user) };
  }

  private now(): number {
    return this.pool.config.clock().getTime();
  }

  private sessionMs(): number {
    return TOKEN_VALIDITY.authSessionMinutes * 60_000;
  }
}

/** The code and its expiry, compared in constant time (a round without a code compares a dummy). */
function codeMatches(state: Pending, code: string, now: number): boolean {
  const same = passwordMatches(state.code?.hash ?? hashPassword(randomBytes(16).toString('hex')), code);
  return same && state.code !== undefined && now <= state.code.expiresAt;
}

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new RequestValidationError(field, `${field}: required for this challenge`);
  return value;
}
