import { CUSTOM_CHALLENGE, SIGN_IN_CODE } from './sign-in-rules';

/** One entry of Cognito's CUSTOM_AUTH session history (the Define/Create events' `request.session`). */
export interface ChallengeRound {
  challengeName?: unknown;
  challengeResult?: unknown;
  challengeMetadata?: unknown;
}

/** DefineAuthChallenge's answer. */
export interface Decision {
  issueTokens: boolean;
  failAuthentication: boolean;
  challengeName?: typeof CUSTOM_CHALLENGE;
}

const FAIL: Decision = { issueTokens: false, failAuthentication: true };

/**
 * The CUSTOM_AUTH state machine, from the session history alone (pure: the
 * DefineAuthChallenge trigger and the fake both run it). Only this flow's
 * `CUSTOM_CHALLENGE` rounds count; any other or malformed entry fails the
 * attempt. Tokens only when the last answer was right; failure after the
 * third wrong answer; otherwise another round.
 */
export function decide(session: unknown): Decision {
  if (session === undefined || session === null) return next();
  if (!Array.isArray(session)) return FAIL;
  const rounds = session as ChallengeRound[];
  const wellFormed = rounds.every(
    (r) => r && r.challengeName === CUSTOM_CHALLENGE && typeof r.challengeResult === 'boolean',
  );
  if (!wellFormed) return FAIL;
  if (rounds.at(-1)?.challengeResult === true) return { issueTokens: true, failAuthentication: false };
  if (rounds.length >= SIGN_IN_CODE.attempts) return FAIL;
  return next();
}

function next(): Decision {
  return { issueTokens: false, failAuthentication: false, challengeName: CUSTOM_CHALLENGE };
}
