import { randomInt } from 'node:crypto';
import { PASSWORD_POLICY } from './pool-policy';

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '!#$%&*+-=?@^_';

/**
 * A temporary password that satisfies PASSWORD_POLICY, like the ones Cognito
 * generates. The API makes its own and hands it to AdminCreateUser: Cognito
 * generates none for a pool whose sign-in policy offers a passwordless factor
 * (emailed codes), and the invitation flows need one whatever the policy.
 */
export function generateTemporaryPassword(): string {
  const all = UPPER + LOWER + DIGITS + SYMBOLS;
  const pick = (set: string) => set.charAt(randomInt(set.length));
  const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < Math.max(12, PASSWORD_POLICY.minLength)) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
