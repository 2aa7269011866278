import type { Jwks } from 'aws-jwt-verify/jwk';
import { signUpTicket } from '../../lambdas/core/domain/sign-up-ticket';
import type { AuthOutcome } from '../../lambdas/core/domain/tokens';
import type { AccountAdmin } from '../../lambdas/core/ports/account-admin';
import type { PoolInspector } from '../../lambdas/core/ports/pool-inspector';
import type { SelfService } from '../../lambdas/core/ports/self-service';
import type { SignIn } from '../../lambdas/core/ports/sign-in';
import type { UserDirectory } from '../../lambdas/core/ports/user-directory';
import { SECRETS } from '../../lambdas/core/secrets';
import type { EmulatorGap } from '../../local/emulators/gaps';

/** Real-Cognito behaviours a backend may lack (local/emulators/gaps.ts); each skip names the backend and says why. */
export type CognitoGap = EmulatorGap;

/** A Cognito backend the contract suites run on: the in-memory fake, or the AWS adapters on cognito-local or moto. */
export interface CognitoBackend {
  name: string;
  directory(): UserDirectory;
  signIn(): SignIn;
  selfService(): SelfService;
  accountAdmin(): AccountAdmin;
  poolInspector(): PoolInspector;
  /** The newest sign-up confirmation code delivered to `email`. */
  signUpCodeOf(email: string): Promise<string>;
  /** The newest password-reset code delivered to `email`. */
  resetCodeOf(email: string): Promise<string>;
  /** The newest temporary password delivered to `email` (other than `previous`). */
  temporaryPasswordOf(email: string, previous?: string): Promise<string>;
  jwks(): Promise<Jwks>;
  userPoolId: string;
  clientId: string;
  gaps: Partial<Record<CognitoGap, string>>;
  /** The same backend on a pool whose MFA is REQUIRED (absent with the `mfaSetup` gap). */
  requiringMfa?: CognitoBackend;
}

export const STRONG = 'Str0ng!Passw0rd';

/** The sign-up ticket POST /auth/register would send (both backends run the PreSignUp trigger). */
export function ticketFor(email: string): string {
  const key = process.env[SECRETS.signUpTicket.valueEnv] || SECRETS.signUpTicket.mockDefault;
  return signUpTicket(key, email, new Date());
}

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@Example.com`;
}

export function challengeOf(outcome: AuthOutcome) {
  if (!('challenge' in outcome)) throw new Error('expected a challenge, got tokens');
  return outcome.challenge;
}

/** `it`, or `it.skip` when the backend has one of the named gaps; the title says why. */
export function gapAware(backend: CognitoBackend) {
  const first = (gaps: CognitoGap[]) => gaps.find((gap) => backend.gaps[gap]);
  return {
    unless: (...gaps: CognitoGap[]) => (first(gaps) ? it.skip : it),
    skipNote: (...gaps: CognitoGap[]) => {
      const gap = first(gaps);
      return gap ? ` [skipped on ${backend.name}: ${backend.gaps[gap]}]` : '';
    },
  };
}

/** A user created by AdminCreateUser, with the temporary password the backend delivered. */
export async function invited(backend: CognitoBackend, label: string) {
  const email = uniqueEmail(label);
  const user = await backend.directory().createUser({ email, attributes: { 'custom:role': 'user' } });
  return { email: email.toLowerCase(), user, temporaryPassword: await backend.temporaryPasswordOf(email) };
}

/** An invited user who answered NEW_PASSWORD_REQUIRED with STRONG. */
export async function confirmed(backend: CognitoBackend, label: string) {
  const account = await invited(backend, label);
  const login = await backend.signIn().passwordLogin(account.email, account.temporaryPassword);
  const outcome = await backend.signIn().respondToNewPasswordChallenge({
    email: account.email,
    session: challengeOf(login).session,
    newPassword: STRONG,
  });
  return { ...account, outcome };
}
