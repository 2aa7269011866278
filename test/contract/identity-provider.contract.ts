import type { Jwks } from 'aws-jwt-verify/jwk';
import { cognitoAccessTokenVerifier } from '../../lambdas/core/auth/access-token-verifier';
import {
  InvalidPasswordError,
  InvalidSessionError,
  NotAuthorizedError,
  UserExistsError,
  UserNotFoundError,
} from '../../lambdas/core/domain/errors';
import type { AuthOutcome } from '../../lambdas/core/domain/tokens';
import type { IdentityProvider } from '../../lambdas/core/ports/identity-provider';

/** Real-Cognito behaviours a backend may lack; each skip names the backend and says why. */
export type IdentityGap =
  | 'checksTemporaryPassword'
  | 'enforcesPasswordPolicy'
  | 'resend'
  | 'validatesChallengeSession';

export interface IdentityBackend {
  name: string;
  provider(): IdentityProvider;
  /** The newest temporary password delivered to `email` (other than `previous`). */
  temporaryPasswordOf(email: string, previous?: string): Promise<string>;
  jwks(): Promise<Jwks>;
  userPoolId: string;
  clientId: string;
  gaps: Partial<Record<IdentityGap, string>>;
}

const STRONG = 'Str0ng!Passw0rd';

function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@Example.com`;
}

function challengeOf(outcome: AuthOutcome) {
  if (!('challenge' in outcome)) throw new Error('expected a challenge, got tokens');
  return outcome.challenge;
}

/**
 * The identity port's contract: the same assertions for the in-memory fake
 * and for the Cognito adapter on cognito-local. The fake must pass all of them,
 * since it follows real Cognito; the emulator skips only its named gaps.
 */
export function identityProviderContract(backend: IdentityBackend): void {
  const unless = (gap: IdentityGap) => (backend.gaps[gap] ? it.skip : it);
  const skipNote = (gap: IdentityGap) =>
    backend.gaps[gap] ? ` [skipped on ${backend.name}: ${backend.gaps[gap]}]` : '';

  describe(`IdentityProvider contract on ${backend.name}`, () => {
    const idp = () => backend.provider();

    async function invited(label: string) {
      const email = uniqueEmail(label);
      const user = await idp().createUser({ email, attributes: { 'custom:role': 'user' } });
      return {
        email: email.toLowerCase(),
        user,
        temporaryPassword: await backend.temporaryPasswordOf(email),
      };
    }

    async function confirmed(label: string) {
      const account = await invited(label);
      const login = await idp().passwordLogin(account.email, account.temporaryPassword);
      const outcome = await idp().respondToNewPasswordChallenge({
        email: account.email,
        session: challengeOf(login).session,
        newPassword: STRONG,
      });
      return { ...account, outcome };
    }

    it('creates users in FORCE_CHANGE_PASSWORD with a sub, a lower-cased email and the given attributes', async () => {
      const { email, user } = await invited('create');

      expect(user).toMatchObject({ email, status: 'FORCE_CHANGE_PASSWORD', enabled: true });
      expect(user.sub).toMatch(/^[0-9a-f-]{36}$/);
      await expect(idp().getUser(email)).resolves.toMatchObject({
        sub: user.sub,
        attributes: expect.objectContaining({ 'custom:role': 'user', email_verified: 'true' }),
      });
    });

    it('refuses a second user with the same email, in any case, with UserExistsError', async () => {
      const { email } = await invited('duplicate');

      await expect(idp().createUser({ email: email.toUpperCase() })).rejects.toBeInstanceOf(UserExistsError);
    });

    it('finds no unknown user', async () => {
      await expect(idp().getUser(uniqueEmail('nobody'))).resolves.toBeUndefined();
    });

    it('answers the temporary password with the NEW_PASSWORD_REQUIRED challenge', async () => {
      const { email, temporaryPassword } = await invited('challenge');

      const outcome = await idp().passwordLogin(email, temporaryPassword);

      expect(challengeOf(outcome)).toEqual({ name: 'NEW_PASSWORD_REQUIRED', session: expect.any(String) });
    });

    it('confirms the user on a new password and issues access tokens this pool verifies', async () => {
      const { email, user, outcome } = await confirmed('confirm');

      expect(outcome).toEqual({
        tokens: expect.objectContaining({
          accessToken: expect.any(String),
          idToken: expect.any(String),
          tokenType: 'Bearer',
        }),
      });
      await expect(idp().getUser(email)).resolves.toMatchObject({ status: 'CONFIRMED' });
      const verifier = cognitoAccessTokenVerifier({
        userPoolId: backend.userPoolId,
        clientId: backend.clientId,
        jwks: await backend.jwks(),
      });
      const tokens = (outcome as { tokens: { accessToken: string } }).tokens;
      await expect(verifier.verify(tokens.accessToken)).resolves.toMatchObject({ sub: user.sub });
      await expect(idp().passwordLogin(email, STRONG)).resolves.toHaveProperty('tokens');
    });

    it('answers a wrong password and an unknown email with the same NotAuthorizedError', async () => {
      const { email } = await confirmed('wrong');

      await expect(idp().passwordLogin(email, 'Wr0ng!Password')).rejects.toBeInstanceOf(NotAuthorizedError);
      await expect(idp().passwordLogin(uniqueEmail('nobody'), 'Wr0ng!Password')).rejects.toBeInstanceOf(
        NotAuthorizedError,
      );
    });

    unless('checksTemporaryPassword')(
      `refuses a wrong temporary password with NotAuthorizedError${skipNote('checksTemporaryPassword')}`,
      async () => {
        const { email } = await invited('wrong-temp');

        await expect(idp().passwordLogin(email, 'Wr0ng!Password')).rejects.toBeInstanceOf(NotAuthorizedError);
      },
    );

    unless('enforcesPasswordPolicy')(
      `refuses a new password that fails the policy with InvalidPasswordError${skipNote('enforcesPasswordPolicy')}`,
      async () => {
        const { email, temporaryPassword } = await invited('weak');
        const login = await idp().passwordLogin(email, temporaryPassword);

        await expect(
          idp().respondToNewPasswordChallenge({
            email,
            session: challengeOf(login).session,
            newPassword: 'weakpass',
          }),
        ).rejects.toBeInstanceOf(InvalidPasswordError);
      },
    );

    unless('validatesChallengeSession')(
      `refuses a made-up challenge session with InvalidSessionError${skipNote('validatesChallengeSession')}`,
      async () => {
        const { email } = await invited('session');

        await expect(
          idp().respondToNewPasswordChallenge({ email, session: 'x'.repeat(64), newPassword: STRONG }),
        ).rejects.toBeInstanceOf(InvalidSessionError);
      },
    );

    unless('resend')(
      `resends a new temporary password; the old one stops working${skipNote('resend')}`,
      async () => {
        const { email, temporaryPassword } = await invited('resend');

        await idp().resendTemporaryPassword(email);

        const fresh = await backend.temporaryPasswordOf(email, temporaryPassword);
        expect(fresh).not.toBe(temporaryPassword);
        await expect(idp().passwordLogin(email, fresh)).resolves.toHaveProperty(
          'challenge.name',
          'NEW_PASSWORD_REQUIRED',
        );
        await expect(idp().passwordLogin(email, temporaryPassword)).rejects.toBeInstanceOf(
          NotAuthorizedError,
        );
      },
    );

    unless('resend')(
      `refuses a resend for an unknown email with UserNotFoundError${skipNote('resend')}`,
      async () => {
        await expect(idp().resendTemporaryPassword(uniqueEmail('nobody'))).rejects.toBeInstanceOf(
          UserNotFoundError,
        );
      },
    );
  });
}
