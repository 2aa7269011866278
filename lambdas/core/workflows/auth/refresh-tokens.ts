import type { Tokens } from '../../domain/tokens';
import { admitSignIn, type SignInPolicyPorts } from '../common/sign-in-policy';

/**
 * refreshTokens — `POST /auth/refresh`: new ID and access tokens (with
 * rotation, a new refresh token too), through the sign-in policy
 * (sign-in-policy.ts): a session that began before a revocation the API
 * recorded (`tokensValidAfter`, by the session's `auth_time`) or of a
 * suspended or disabled account is refused and its refresh token revoked, so
 * a sign-out whose Cognito call failed still ends the session here.
 */
export async function refreshTokens(ports: SignInPolicyPorts, refreshToken: string): Promise<Tokens> {
  const tokens = await ports.signIn.refresh(refreshToken);
  await admitSignIn(ports, 'refresh', { tokens }, { refreshToken });
  return tokens;
}
