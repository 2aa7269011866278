import { createHash } from 'node:crypto';
import type { ChallengeRound } from '../../domain/custom-auth';
import { normalizeEmail } from '../../domain/email';
import { BRAND } from '../../domain/messages';
import {
  codeAccepted,
  newSixDigitCode,
  parseRoundMetadata,
  roundMetadata,
  SIGN_IN_CODE,
} from '../../domain/sign-in-code';
import { SIGN_IN_CODE_SCOPE } from '../../domain/sign-in-rules';
import { log } from '../../log';
import type { Clock } from '../../ports/clock';
import type { Mailer } from '../../ports/mailer';
import type { RateLimiter } from '../../ports/rate-limiter';

export interface SignInCodePorts {
  rateLimiter: RateLimiter;
  mailer: Mailer;
  clock: Clock;
}

/** What CreateAuthChallenge answers: public parameters the client sees, private ones only Verify sees. */
export interface ChallengeAnswer {
  publicChallengeParameters: Record<string, string>;
  privateChallengeParameters: Record<string, string>;
  challengeMetadata: string;
}

const keyOf = (scope: string, email: string) =>
  `${scope}:${createHash('sha256').update(normalizeEmail(email)).digest('hex')}`;

/**
 * createSignInChallenge — the CreateAuthChallenge trigger's work. A retry
 * after a wrong answer reuses the session's round (same code, nothing
 * mailed). A new session mails a fresh code only for a known address that
 * is under both limits (5 codes per 15 minutes; not locked after repeated
 * failed sessions); an unknown address, or one over a limit, gets the same
 * challenge and no email — the same two counter calls run either way, so
 * the timing stays within the noise. The code stays server side
 * (private parameters, metadata), never in the public parameters.
 */
export async function createSignInChallenge(
  ports: SignInCodePorts,
  input: { email: string; userNotFound: boolean; session: ChallengeRound[] },
): Promise<ChallengeAnswer> {
  const nowSeconds = Math.floor(ports.clock().getTime() / 1000);
  const previous = parseRoundMetadata(input.session.at(-1)?.challengeMetadata);
  const round = previous ?? (await newRound(ports, input, nowSeconds));
  const attemptsRemaining = SIGN_IN_CODE.attempts - input.session.length;
  return {
    publicChallengeParameters: { delivery: 'EMAIL', attemptsRemaining: String(attemptsRemaining) },
    privateChallengeParameters: {
      ...(round.code ? { code: round.code } : {}),
      issuedAt: String(round.issuedAt),
      attempt: String(input.session.length + 1),
    },
    challengeMetadata: roundMetadata(round),
  };
}

async function newRound(
  ports: SignInCodePorts,
  input: { email: string; userNotFound: boolean },
  issuedAt: number,
): Promise<{ code?: string; issuedAt: number }> {
  const { perAddress, lockout } = SIGN_IN_CODE;
  const [underLimit, failures] = await Promise.all([
    ports.rateLimiter.hit(keyOf(SIGN_IN_CODE_SCOPE, input.email), perAddress.hits, perAddress.windowSeconds),
    ports.rateLimiter.count(keyOf('sign-in-failed', input.email), lockout.windowSeconds),
  ]);
  if (input.userNotFound || !underLimit || failures >= lockout.hits) {
    if (!input.userNotFound)
      log('info', 'sign-in code withheld', { reason: underLimit ? 'locked' : 'limit' });
    return { issuedAt };
  }
  const code = newSixDigitCode();
  await ports.mailer.send({
    to: normalizeEmail(input.email),
    subject: `${BRAND}: your sign-in code`,
    text: `Your sign-in code is ${code}. It is valid for 3 minutes. If you did not ask for it, ignore this email.`,
    html: `<p>Your sign-in code is <strong>${code}</strong>.</p><p>It is valid for 3 minutes. If you did not ask for it, ignore this email.</p>`,
    kind: 'SIGN_IN_CODE',
    secret: code,
  });
  return { code, issuedAt };
}

/**
 * verifySignInAnswer — the VerifyAuthChallengeResponse trigger's work: the
 * code of the round, constant time, within its 3 minutes. The third wrong
 * answer of a session counts one failed session toward the address's lockout.
 */
export async function verifySignInAnswer(
  ports: Pick<SignInCodePorts, 'rateLimiter' | 'clock'>,
  input: { email: string; privateParameters: Record<string, string | undefined>; answer: unknown },
): Promise<boolean> {
  const issuedAt = Number(input.privateParameters.issuedAt);
  const round = {
    ...(input.privateParameters.code ? { code: input.privateParameters.code } : {}),
    issuedAt: Number.isFinite(issuedAt) ? issuedAt : 0,
  };
  const correct = codeAccepted(round, input.answer, Math.floor(ports.clock().getTime() / 1000));
  if (!correct && Number(input.privateParameters.attempt) >= SIGN_IN_CODE.attempts) {
    const { lockout } = SIGN_IN_CODE;
    await ports.rateLimiter.hit(
      keyOf('sign-in-failed', input.email),
      Number.MAX_SAFE_INTEGER,
      lockout.windowSeconds,
    );
  }
  return correct;
}
