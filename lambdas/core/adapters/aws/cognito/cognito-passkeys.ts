import {
  CompleteWebAuthnRegistrationCommand,
  DeleteWebAuthnCredentialCommand,
  ListWebAuthnCredentialsCommand,
  StartWebAuthnRegistrationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Passkey, Passkeys } from '../../../ports/passkeys';
import type { CognitoPool } from './cognito-client';

/** Passkeys on Amazon Cognito: WebAuthn APIs authorized by the user's own access token (no IAM permission). */
export class CognitoPasskeys implements Passkeys {
  constructor(private readonly pool: CognitoPool) {}

  async startRegistration(accessToken: string): Promise<Record<string, unknown>> {
    const answer = await this.pool.send(
      new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }),
      'token',
    );
    return (answer.CredentialCreationOptions ?? {}) as Record<string, unknown>;
  }

  async completeRegistration(accessToken: string, credential: Record<string, unknown>): Promise<void> {
    await this.pool.send(
      new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: credential as never }),
      'token',
    );
  }

  async list(accessToken: string): Promise<Passkey[]> {
    const passkeys: Passkey[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.pool.send(
        new ListWebAuthnCredentialsCommand({ AccessToken: accessToken, NextToken: nextToken }),
        'token',
      );
      for (const c of page.Credentials ?? []) {
        passkeys.push({
          credentialId: c.CredentialId ?? '',
          name: c.FriendlyCredentialName ?? 'Passkey',
          relyingPartyId: c.RelyingPartyId ?? '',
          ...(c.AuthenticatorAttachment ? { attachment: c.AuthenticatorAttachment } : {}),
          transports: c.AuthenticatorTransports ?? [],
          createdAt: (c.CreatedAt ?? new Date(0)).toISOString(),
        });
      }
      nextToken = page.NextToken;
    } while (nextToken);
    return passkeys;
  }

  async remove(accessToken: string, credentialId: string): Promise<void> {
    await this.pool.send(
      new DeleteWebAuthnCredentialCommand({ AccessToken: accessToken, CredentialId: credentialId }),
      'token',
    );
  }
}
