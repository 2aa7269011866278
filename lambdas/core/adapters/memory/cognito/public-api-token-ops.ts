import type { AuthOutcome, FirstFactor } from '../../../domain/tokens';
import type { ChallengeAnswer } from '../../../ports/sign-in';
import type { FakeUser } from './pool';
import { CognitoApiError } from './public-api-wire';
import type { InMemorySignIn } from './sign-in';
import type { FakeWebAuthn } from './webauthn';

export type ApiInput = Record<string, unknown> & {
  ClientId?: string;
  AccessToken?: string;
  AuthParameters?: Record<string, string>;
  ChallengeResponses?: Record<string, string>;
};
export type ApiOutput = Record<string, unknown>;

/** InitiateAuth USER_AUTH; a preferred PASSWORD comes with the PASSWORD and signs in at once. */
export async function startUserAuth(
  signIn: InMemorySignIn,
  params: Record<string, string>,
  session: unknown,
): Promise<AuthOutcome> {
  const started = await signIn.startUserAuth(userAuthStart(params, session));
  if (!('challenge' in started) || started.challenge.name !== 'PASSWORD') return started;
  const answer = {
    email: params.USERNAME ?? '',
    session: started.challenge.session,
    name: 'PASSWORD' as const,
  };
  return signIn.respondToChallenge({ ...answer, password: params.PASSWORD ?? '' });
}

/** InitiateAuth USER_AUTH's parameters, as the sign-in port takes them. */
function userAuthStart(
  params: Record<string, string>,
  session: unknown,
): { email: string; preferred?: FirstFactor; session?: string } {
  return {
    email: params.USERNAME ?? '',
    ...(params.PREFERRED_CHALLENGE ? { preferred: params.PREFERRED_CHALLENGE as FirstFactor } : {}),
    ...(typeof session === 'string' && session ? { session } : {}),
  };
}

/** A USER_AUTH challenge response (ANSWER, PASSWORD, EMAIL_OTP_CODE, CREDENTIAL) as the port's answer fields. */
export function userAuthAnswer(r: Record<string, string>): Partial<ChallengeAnswer> {
  let credential: Record<string, unknown> | undefined;
  try {
    credential = r.CREDENTIAL ? (JSON.parse(r.CREDENTIAL) as Record<string, unknown>) : undefined;
  } catch {
    throw new CognitoApiError('InvalidParameterException', 'CREDENTIAL is not JSON.');
  }
  return {
    ...(r.ANSWER ? { answer: r.ANSWER as FirstFactor } : {}),
    ...(r.PASSWORD !== undefined ? { password: r.PASSWORD } : {}),
    ...(r.EMAIL_OTP_CODE !== undefined ? { code: r.EMAIL_OTP_CODE } : {}),
    ...(credential ? { credential } : {}),
  };
}

/**
 * Cognito's token-authorized APIs on the fake pool beyond the account
 * itself: the passkey (WebAuthn) APIs, and the device APIs of a pool with
 * device tracking off (no device is ever remembered).
 */
export function tokenOperations(deps: {
  caller: (input: ApiInput) => FakeUser;
  passkeys: () => FakeWebAuthn;
}): Record<string, (input: ApiInput) => Promise<ApiOutput>> {
  const token = (input: ApiInput) => String(input.AccessToken ?? '');
  return {
    StartWebAuthnRegistration: async (input) => ({
      CredentialCreationOptions: await deps.passkeys().startRegistration(token(input)),
    }),
    CompleteWebAuthnRegistration: async (input) => {
      await deps
        .passkeys()
        .completeRegistration(token(input), (input.Credential ?? {}) as Record<string, unknown>);
      return {};
    },
    ListWebAuthnCredentials: async (input) => ({
      Credentials: (await deps.passkeys().list(token(input))).map((p) => ({
        CredentialId: p.credentialId,
        FriendlyCredentialName: p.name,
        RelyingPartyId: p.relyingPartyId,
        ...(p.attachment ? { AuthenticatorAttachment: p.attachment } : {}),
        AuthenticatorTransports: p.transports,
        CreatedAt: Date.parse(p.createdAt) / 1000,
      })),
    }),
    DeleteWebAuthnCredential: async (input) => {
      await deps.passkeys().remove(token(input), String(input.CredentialId ?? ''));
      return {};
    },
    ListDevices: async (input) => {
      deps.caller(input);
      return { Devices: [] };
    },
    ...Object.fromEntries(
      ['GetDevice', 'ForgetDevice', 'UpdateDeviceStatus', 'ConfirmDevice'].map((op) => [
        op,
        async (input: ApiInput) => {
          deps.caller(input);
          throw new CognitoApiError('ResourceNotFoundException', 'Device does not exist.');
        },
      ]),
    ),
  };
}
