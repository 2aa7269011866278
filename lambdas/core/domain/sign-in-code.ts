import { randomInt, timingSafeEqual } from 'node:crypto';

export { CUSTOM_CHALLENGE, SIGN_IN_CODE } from './sign-in-rules';

import { SIGN_IN_CODE } from './sign-in-rules';

/** A 6-digit code, uniformly from 000000-999999 (`randomInt(0, 1_000_000)`, zero-padded). */
export function newSixDigitCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(SIGN_IN_CODE.digits, '0');
}

/**
 * What the session keeps of a round (Cognito's `challengeMetadata`, server
 * side only): `CODE-<code>-<issued, unix seconds>`, or `NONE-<issued>` for a
 * round that mailed nothing (unknown address, or over the limits), so a
 * retry reuses the round instead of mailing a new code.
 */
export function roundMetadata(round: { code?: string; issuedAt: number }): string {
  return round.code ? `CODE-${round.code}-${round.issuedAt}` : `NONE-${round.issuedAt}`;
}

/** The round a `challengeMetadata` describes, or undefined for anything else. */
export function parseRoundMetadata(metadata: unknown): { code?: string; issuedAt: number } | undefined {
  if (typeof metadata !== 'string') return undefined;
  const withCode = /^CODE-(\d{6})-(\d{1,12})$/.exec(metadata);
  if (withCode) return { code: withCode[1] as string, issuedAt: Number(withCode[2]) };
  const without = /^NONE-(\d{1,12})$/.exec(metadata);
  return without ? { issuedAt: Number(without[1]) } : undefined;
}

/**
 * Whether `answer` is the round's code and the code is still valid: constant
 * time on equal-length buffers (a wrong length, or a round without a code,
 * compares against a dummy so the timing does not tell).
 */
export function codeAccepted(
  round: { code?: string; issuedAt: number },
  answer: unknown,
  nowSeconds: number,
): boolean {
  const given = Buffer.from(typeof answer === 'string' ? answer.trim() : '', 'utf8');
  const expected = Buffer.from(round.code ?? '\u0000'.repeat(SIGN_IN_CODE.digits), 'utf8');
  const comparable = given.length === expected.length;
  const same = timingSafeEqual(comparable ? given : expected, expected) && comparable;
  const fresh = nowSeconds - round.issuedAt <= SIGN_IN_CODE.validitySeconds;
  return Boolean(round.code) && same && fresh;
}
