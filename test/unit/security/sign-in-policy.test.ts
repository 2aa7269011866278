import { signInVerdict } from '../../../lambdas/core/domain/sign-in-policy';
import { totpCode } from '../../../lambdas/core/domain/totp';
import type { SoftwareAuthenticator } from '../../../local/software-authenticator';
import {
  activatedApplicant,
  adminToken,
  call,
  enrollTotp,
  freshWorld,
  STRONG_PASSWORD,
} from '../../support/harness';
import { PAGE_ORIGIN, registerPasskey } from '../../support/passkeys';

/**
 * docs/security.md, "Every sign-in path": each route that can end in tokens
 * against each account state. One row per state, one column per way in; each
 * cell is what the last step answers: tokens, the next challenge, or the
 * refusal's status and code.
 */
type Outcome = {
  tokens?: { accessToken: string; refreshToken?: string };
  challenge?: { name: string; session: string; credentialRequestOptions?: Record<string, unknown> };
  error?: { code: string; message: string };
};
type Cell = 'tokens' | string;

const EMAIL = 'ada@example.com';

const STATES = [
  'no second factor',
  'TOTP enrolled through the API',
  'MFA required by an admin, not enrolled',
  'TOTP enabled straight in Cognito',
  'admin reset-password',
  'admin sign-out',
  'suspended',
  'disabled',
] as const;
type State = (typeof STATES)[number];

const WAYS = ['password', 'passwordless code', 'USER_AUTH email code', 'passkey', 'refresh'] as const;
type Way = (typeof WAYS)[number];

const NO = '401 NOT_AUTHORIZED';
/** The table of docs/security.md. */
const TABLE: Record<State, Record<Way, Cell>> = {
  'no second factor': {
    password: 'tokens',
    'passwordless code': 'tokens',
    'USER_AUTH email code': 'tokens',
    passkey: 'tokens',
    refresh: 'tokens',
  },
  'TOTP enrolled through the API': {
    password: 'challenge SOFTWARE_TOKEN_MFA',
    'passwordless code': NO,
    'USER_AUTH email code': NO,
    passkey: NO,
    refresh: 'tokens',
  },
  'MFA required by an admin, not enrolled': {
    // Tokens, held at enrollment by the caller gate (403 MFA_ENROLLMENT_REQUIRED elsewhere).
    password: 'tokens',
    'passwordless code': NO,
    'USER_AUTH email code': NO,
    passkey: NO,
    refresh: 'tokens',
  },
  'TOTP enabled straight in Cognito': {
    password: 'challenge SOFTWARE_TOKEN_MFA',
    'passwordless code': NO,
    'USER_AUTH email code': NO,
    passkey: NO,
    refresh: 'tokens',
  },
  'admin reset-password': {
    password: '401 PASSWORD_RESET_REQUIRED',
    'passwordless code': NO,
    // No code is mailed to an account that must reset its password (the hold would refuse it too).
    'USER_AUTH email code': '400 CODE_MISMATCH',
    passkey: NO,
    refresh: NO,
  },
  'admin sign-out': {
    password: 'tokens',
    'passwordless code': NO,
    'USER_AUTH email code': NO,
    passkey: NO,
    refresh: NO,
  },
  // Before a factor, these accounts answer as an unknown email does (no code is mailed, so the
  // walk's guess is a wrong code: the next try, or CODE_MISMATCH); the password tells the state.
  suspended: {
    password: NO,
    'passwordless code': 'challenge EMAIL_OTP',
    'USER_AUTH email code': '400 CODE_MISMATCH',
    passkey: NO,
    refresh: NO,
  },
  disabled: {
    password: NO,
    'passwordless code': 'challenge EMAIL_OTP',
    'USER_AUTH email code': '400 CODE_MISMATCH',
    passkey: NO,
    refresh: NO,
  },
};

function cellOf(answer: { status: number; body: Outcome }): Cell {
  if (answer.status === 200 && answer.body.tokens) return 'tokens';
  if (answer.status === 200 && answer.body.challenge) return `challenge ${answer.body.challenge.name}`;
  return `${answer.status} ${answer.body.error?.code}`;
}

describe('every sign-in path honours every factor (docs/security.md, "Every sign-in path")', () => {
  let world: ReturnType<typeof freshWorld>;
  let userId: string;
  let authenticator: SoftwareAuthenticator;
  let refreshToken: string;
  let admin: string;

  /** The account as each row starts: a passkey, a session to refresh, then the row's state. */
  async function arrange(state: State): Promise<void> {
    world = freshWorld();
    admin = await adminToken(world);
    const first = await activatedApplicant(world, EMAIL);
    userId = (await world.users.findByEmail(EMAIL))?.userId as string;
    await call('userAction', { token: admin, pathParameters: { userId, action: 'approve' } });
    authenticator = (await registerPasskey(first.accessToken)).authenticator;
    refreshToken = first.refreshToken;
    world.advance(2_000);
    const action = (name: string) =>
      call('userAction', { token: admin, pathParameters: { userId, action: name } });
    switch (state) {
      case 'TOTP enrolled through the API':
        await enrollTotp(world, first.accessToken);
        break;
      case 'MFA required by an admin, not enrolled':
        await action('require-mfa');
        break;
      case 'TOTP enabled straight in Cognito': {
        const cognito = world.cognito.selfService;
        const { secretCode } = await cognito.associateSoftwareToken(first.accessToken);
        await cognito.verifySoftwareToken(first.accessToken, totpCode(secretCode, world.clock().getTime()));
        await cognito.setTotpPreference(first.accessToken, true);
        break;
      }
      case 'admin reset-password':
        await action('reset-password');
        break;
      case 'admin sign-out':
        await action('sign-out');
        break;
      case 'suspended':
        await action('suspend');
        break;
      case 'disabled':
        await action('disable');
        break;
    }
    world.advance(2_000);
  }

  const post = (
    name: 'signIn' | 'respondToChallenge' | 'startPasswordless' | 'verifyPasswordless',
    body: object,
  ) => call<Outcome>(name, { body });

  const WALKS: Record<Way, () => Promise<{ status: number; body: Outcome }>> = {
    password: () => call<Outcome>('login', { body: { email: EMAIL, password: STRONG_PASSWORD } }),
    'passwordless code': async () => {
      const started = await post('startPasswordless', { email: EMAIL });
      if (started.status !== 200) return started;
      const code = world.outbox.latest(EMAIL, 'SIGN_IN_CODE')?.secret ?? '000000';
      return post('verifyPasswordless', { email: EMAIL, session: started.body.challenge?.session, code });
    },
    'USER_AUTH email code': async () => {
      const started = await post('signIn', { email: EMAIL, preferred: 'EMAIL_OTP' });
      if (started.status !== 200) return started;
      const code = world.outbox.latest(EMAIL, 'SIGN_IN_CODE')?.secret ?? '00000000';
      const session = started.body.challenge?.session;
      return post('respondToChallenge', { email: EMAIL, session, name: 'EMAIL_OTP', code });
    },
    passkey: async () => {
      const started = await post('signIn', { email: EMAIL, preferred: 'WEB_AUTHN' });
      if (started.status !== 200) return started;
      const options = started.body.challenge?.credentialRequestOptions as never;
      const credential = authenticator.authenticate(options, PAGE_ORIGIN);
      const session = started.body.challenge?.session;
      return post('respondToChallenge', { email: EMAIL, session, name: 'WEB_AUTHN', credential });
    },
    refresh: () => call<Outcome>('refreshTokens', { body: { refreshToken } }),
  };

  describe.each(STATES)('%s', (state) => {
    beforeEach(() => arrange(state));
    it.each(WAYS)(`%s answers as the table says`, async (way) => {
      expect(cellOf(await WALKS[way]())).toBe(TABLE[state][way]);
    });
  });

  it('a refusal after a right factor revokes the tokens Cognito issued', async () => {
    await arrange('TOTP enrolled through the API');
    const revoke = jest.spyOn(world.cognito.signIn, 'revoke');
    expect(cellOf(await WALKS['passwordless code']())).toBe(NO);
    expect(revoke).toHaveBeenCalledTimes(1);
  });

  it('after an admin sign-out, the password sign-in removes the passkeys registered before and ends the hold', async () => {
    await arrange('admin sign-out');
    const signedIn = await WALKS.password();
    expect(cellOf(signedIn)).toBe('tokens');
    const token = signedIn.body.tokens?.accessToken as string;
    expect((await call<{ passkeys: unknown[] }>('listPasskeys', { token })).body.passkeys).toEqual([]);
    // The emailed code works again; the removed passkey does not.
    expect(cellOf(await WALKS['passwordless code']())).toBe('tokens');
    expect(cellOf(await WALKS.passkey())).toBe(NO);
    // A passkey registered after the hold is kept by the next release (there is none pending).
    await registerPasskey(token, { authenticator });
    expect(cellOf(await WALKS.passkey())).toBe('tokens');
  });

  it('a wrong factor on a held or second-factor account answers as for anyone (the state is not told)', async () => {
    await arrange('admin reset-password');
    const started = await post('signIn', { email: EMAIL, preferred: 'EMAIL_OTP' });
    const wrong = await post('respondToChallenge', {
      email: EMAIL,
      session: started.body.challenge?.session,
      name: 'EMAIL_OTP',
      code: '00000000',
    });
    expect(cellOf(wrong)).toBe('400 CODE_MISMATCH');
  });
});

describe('signInVerdict, the rule itself', () => {
  const record = {
    status: 'active' as const,
    mfa: { enabled: false, required: false },
  };
  it('refuses a session that began before a revocation, by auth_time (a refresh keeps it)', () => {
    const revoked = { ...record, tokensValidAfter: '2026-12-01T10:00:00.500Z' };
    const at = Date.parse('2026-12-01T10:00:00Z') / 1000;
    expect(
      signInVerdict({ proof: 'refresh', record: revoked, totpInCognito: false, authTime: at - 1 }),
    ).toEqual({
      admit: false,
      reason: 'revoked',
    });
    expect(
      signInVerdict({ proof: 'refresh', record: revoked, totpInCognito: false, authTime: at + 1 }).admit,
    ).toBe(true);
  });

  it('releases a hold only on a password sign-in, and a newer hold is held again', () => {
    const held = { ...record, factorHold: { heldAt: '2026-12-01T10:00:00.000Z' } };
    const released = {
      ...record,
      factorHold: { heldAt: held.factorHold.heldAt, releasedAt: '2026-12-01T11:00:00.000Z' },
    };
    const again = {
      ...record,
      factorHold: { heldAt: '2026-12-01T12:00:00.000Z', releasedAt: '2026-12-01T11:00:00.000Z' },
    };
    const verdict = (r: typeof held, proof: 'password' | 'passkey') =>
      signInVerdict({ proof, record: r, totpInCognito: false, authTime: Date.now() / 1000 });
    expect(verdict(held, 'password')).toEqual({ admit: true, releaseHold: true });
    expect(verdict(held, 'passkey')).toEqual({ admit: false, reason: 'password-first' });
    expect(verdict(released, 'passkey')).toEqual({ admit: true, releaseHold: false });
    expect(verdict(again, 'passkey')).toEqual({ admit: false, reason: 'password-first' });
  });

  it('lets an account the API does not manage through on Cognito word alone', () => {
    expect(
      signInVerdict({ proof: 'passkey', record: undefined, totpInCognito: false, authTime: 1 }).admit,
    ).toBe(true);
    expect(signInVerdict({ proof: 'passkey', record: undefined, totpInCognito: true, authTime: 1 })).toEqual({
      admit: false,
      reason: 'second-factor',
    });
  });
});
