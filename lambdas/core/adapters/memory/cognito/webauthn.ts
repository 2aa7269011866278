import {
  FeatureNotConfiguredError,
  NotFoundError,
  PasskeyRejectedError,
  TooManyRequestsError,
} from '../../../domain/errors';
import { clientDataOf, ranCrossOrigin } from '../../../domain/webauthn';
import type { Passkey, Passkeys } from '../../../ports/passkeys';
import type { FakeUser, PoolState } from './pool';
import type { TokenIssuer } from './tokens';

/** A passkey as the fake pool stores it (strings and numbers only: it persists as JSON). */
export interface StoredPasskey {
  credentialId: string;
  /** The COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports: string[];
  attachment?: string;
  createdAt: string;
}

/** The pool's WebAuthn settings (the stack's `passkeyRpId`, `passkeyUserVerification`). */
export interface WebAuthnConfig {
  rpId: string;
  userVerification: 'preferred' | 'required';
}

/** The WebAuthn library, loaded on first use (the fake's other flows do not pay for it). */
const webauthnLibrary = () => import('@simplewebauthn/server');

/** Passkeys per user the fake keeps (Cognito's own figure is not settled: docs/fidelity.md). */
export const MAX_PASSKEYS = 20;
/** How long a registration or sign-in challenge stays open. */
const CHALLENGE_MS = 5 * 60_000;

/**
 * WebAuthn as Cognito runs it for a pool with a relying party: registration
 * (attestation `none` or `packed`) and assertion verified by
 * `@simplewebauthn/server` — challenge, origin, RP id hash, user presence and
 * verification, signature, sign counter — never hand-written crypto. An
 * origin is allowed when its host is the relying party or under it, over
 * https (http for localhost), as browsers scope passkeys.
 */
export class FakeWebAuthn implements Passkeys {
  private readonly registrations = new Map<string, { challenge: string; expiresAt: number }>();

  constructor(
    private readonly pool: PoolState,
    private readonly tokens: TokenIssuer,
    readonly config: WebAuthnConfig | undefined,
  ) {}

  async startRegistration(accessToken: string): Promise<Record<string, unknown>> {
    const user = this.caller(accessToken);
    const config = this.enabled();
    const { generateRegistrationOptions } = await webauthnLibrary();
    const options = await generateRegistrationOptions({
      rpName: config.rpId,
      rpID: config.rpId,
      userName: user.email,
      userID: Buffer.from(user.username),
      attestationType: 'none',
      excludeCredentials: (user.passkeys ?? []).map((p) => ({ id: p.credentialId })),
      authenticatorSelection: { residentKey: 'required', userVerification: config.userVerification },
    });
    this.registrations.set(user.username, {
      challenge: options.challenge,
      expiresAt: this.now() + CHALLENGE_MS,
    });
    return options as unknown as Record<string, unknown>;
  }

  async completeRegistration(accessToken: string, credential: Record<string, unknown>): Promise<void> {
    const user = this.caller(accessToken);
    const config = this.enabled();
    const pending = this.registrations.get(user.username);
    this.registrations.delete(user.username);
    if (!pending || this.now() > pending.expiresAt)
      throw new PasskeyRejectedError('No passkey registration is open; ask for new options.');
    if ((user.passkeys?.length ?? 0) >= MAX_PASSKEYS)
      throw new TooManyRequestsError(`A user can have at most ${MAX_PASSKEYS} passkeys.`);
    const origin = this.allowedOrigin(credential);
    const { verifyRegistrationResponse } = await webauthnLibrary();
    const verified = await verifyRegistrationResponse({
      response: credential as never,
      expectedChallenge: pending.challenge,
      expectedOrigin: origin,
      expectedRPID: config.rpId,
      requireUserVerification: config.userVerification === 'required',
    }).catch(() => undefined);
    if (!verified?.verified) throw new PasskeyRejectedError();
    const created = verified.registrationInfo.credential;
    // WebAuthn §7.1 step 26: a credential id registered already, to this user or another, is refused.
    if (this.pool.hasPasskey(created.id))
      throw new PasskeyRejectedError('This passkey is registered already.');
    user.passkeys = [
      ...(user.passkeys ?? []),
      {
        credentialId: created.id,
        publicKey: Buffer.from(created.publicKey).toString('base64url'),
        counter: created.counter,
        transports: created.transports ?? [],
        ...(typeof credential.authenticatorAttachment === 'string'
          ? { attachment: credential.authenticatorAttachment }
          : {}),
        createdAt: new Date(this.now()).toISOString(),
      },
    ];
  }

  async list(accessToken: string): Promise<Passkey[]> {
    const user = this.caller(accessToken);
    return (user.passkeys ?? []).map((p) => ({
      credentialId: p.credentialId,
      name: 'Passkey',
      relyingPartyId: this.config?.rpId ?? '',
      ...(p.attachment ? { attachment: p.attachment } : {}),
      transports: [...p.transports],
      createdAt: p.createdAt,
    }));
  }

  async remove(accessToken: string, credentialId: string): Promise<void> {
    const user = this.caller(accessToken);
    const kept = (user.passkeys ?? []).filter((p) => p.credentialId !== credentialId);
    if (kept.length === (user.passkeys ?? []).length) throw new NotFoundError('No such passkey.');
    user.passkeys = kept;
  }

  /** The request options of a WEB_AUTHN challenge: the user's passkeys (none for an unknown user). */
  async requestOptions(user: FakeUser | undefined): Promise<Record<string, unknown>> {
    const config = this.enabled();
    const { generateAuthenticationOptions } = await webauthnLibrary();
    return (await generateAuthenticationOptions({
      rpID: config.rpId,
      allowCredentials: (user?.passkeys ?? []).map((p) => ({ id: p.credentialId })),
      userVerification: config.userVerification,
    })) as unknown as Record<string, unknown>;
  }

  /** Whether `credential` answers `challenge` with one of the user's passkeys; advances its counter. */
  async verifyAssertion(
    user: FakeUser | undefined,
    challenge: string,
    credential: Record<string, unknown>,
  ): Promise<boolean> {
    const config = this.enabled();
    const stored = user?.passkeys?.find((p) => p.credentialId === credential.id);
    const origin = stored ? this.originOrUndefined(credential) : undefined;
    if (!stored || !origin) return false;
    const { verifyAuthenticationResponse } = await webauthnLibrary();
    const result = await verifyAuthenticationResponse({
      response: credential as never,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: config.rpId,
      credential: {
        id: stored.credentialId,
        publicKey: Buffer.from(stored.publicKey, 'base64url'),
        counter: stored.counter,
      },
      requireUserVerification: config.userVerification === 'required',
    }).catch(() => undefined);
    if (!result?.verified) return false;
    stored.counter = result.authenticationInfo.newCounter;
    return true;
  }

  private enabled(): WebAuthnConfig {
    if (!this.config) throw new FeatureNotConfiguredError('Passkeys are not enabled on this user pool.');
    return this.config;
  }

  /** The origin the browser reported, when it is the relying party's (else the passkey is refused). */
  private allowedOrigin(credential: Record<string, unknown>): string {
    const rpId = this.enabled().rpId;
    if (ranCrossOrigin(credential))
      throw new PasskeyRejectedError('The passkey ceremony ran in a frame of another site.');
    try {
      const url = new URL(String(clientDataOf(credential)?.origin));
      const underRp = url.hostname === rpId || url.hostname.endsWith(`.${rpId}`);
      const secure = url.protocol === 'https:' || (url.protocol === 'http:' && url.hostname === 'localhost');
      if (underRp && secure) return url.origin;
    } catch {
      // not JSON, or no origin: refused below
    }
    throw new PasskeyRejectedError('The passkey was made for another site.');
  }

  private originOrUndefined(credential: Record<string, unknown>): string | undefined {
    try {
      return this.allowedOrigin(credential);
    } catch {
      return undefined;
    }
  }

  private caller(accessToken: string): FakeUser {
    return this.tokens.callerOf(this.pool, accessToken);
  }

  private now(): number {
    return this.pool.config.clock().getTime();
  }
}
