import { SoftwareAuthenticator } from '../../local/software-authenticator';
import { call } from './harness';

/** The origin the tests' browser pages run on (the mock pool's relying party is `localhost`). */
export const PAGE_ORIGIN = 'http://localhost:3000';

/** Registers a passkey for the holder of `token` through the API; returns the authenticator and the answer. */
export async function registerPasskey(
  token: string,
  options: { attestation?: 'none' | 'packed'; origin?: string; authenticator?: SoftwareAuthenticator } = {},
) {
  const authenticator = options.authenticator ?? SoftwareAuthenticator.create();
  const created = await call<{ options: Parameters<SoftwareAuthenticator['register']>[0] }>(
    'startPasskeyRegistration',
    { token },
  );
  const credential = authenticator.register(
    created.body.options,
    options.origin ?? PAGE_ORIGIN,
    options.attestation ?? 'none',
  );
  const answer = await call('completePasskeyRegistration', { token, body: { credential } });
  return { authenticator, answer, credential };
}
