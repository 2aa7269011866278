import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
} from 'node:crypto';

/**
 * A passkey authenticator in software: an ES256 key in Node that answers the
 * creation and request options a relying party sends with the JSON a browser
 * would hand back (`RegistrationResponseJSON`, `AuthenticationResponseJSON`),
 * built byte by byte as WebAuthn lays them out — for the tests and for
 * `npm run passkey` (the docs' curl walks). Not a security device: its key
 * lives in memory or in a local file.
 */

/** The options the relying party sent, as JSON (the fields this authenticator reads). */
export interface CreationOptionsJSON {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName?: string };
  excludeCredentials?: Array<{ id: string }>;
}
export interface RequestOptionsJSON {
  challenge: string;
  rpId?: string;
  allowCredentials?: Array<{ id: string }>;
}

/** What a saved authenticator holds (`npm run passkey` keeps it in a file). */
export interface SavedAuthenticator {
  credentialId: string;
  rpId: string;
  userHandle: string;
  privateKeyPem: string;
  signCount: number;
}

export type Attestation = 'none' | 'packed';

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;
const FLAG_BACKUP_ELIGIBLE = 0x08;
const FLAG_ATTESTED_DATA = 0x40;

export class SoftwareAuthenticator {
  private constructor(
    private state: { credentialId?: string; rpId?: string; userHandle?: string; signCount: number },
    private readonly key: KeyObject,
    /** Whether the authenticator verifies its user (the UV flag), as a platform passkey does. */
    readonly userVerification = true,
  ) {}

  static create(options: { userVerification?: boolean } = {}): SoftwareAuthenticator {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    return new SoftwareAuthenticator({ signCount: 0 }, privateKey, options.userVerification ?? true);
  }

  static restore(saved: SavedAuthenticator): SoftwareAuthenticator {
    return new SoftwareAuthenticator(
      {
        credentialId: saved.credentialId,
        rpId: saved.rpId,
        userHandle: saved.userHandle,
        signCount: saved.signCount,
      },
      createPrivateKey(saved.privateKeyPem),
    );
  }

  get credentialId(): string | undefined {
    return this.state.credentialId;
  }

  save(): SavedAuthenticator {
    const { credentialId, rpId, userHandle, signCount } = this.state;
    if (!credentialId || !rpId || !userHandle) throw new Error('No passkey has been created yet.');
    const privateKeyPem = this.key.export({ format: 'pem', type: 'pkcs8' }).toString();
    return { credentialId, rpId, userHandle, privateKeyPem, signCount };
  }

  /**
   * navigator.credentials.create(): a new credential for `options`, as seen from `origin`.
   * `reusedId` makes it answer with a credential id seen before (a cloned or hostile authenticator).
   */
  register(
    options: CreationOptionsJSON,
    origin: string,
    attestation: Attestation = 'none',
    reusedId?: string,
  ): Record<string, unknown> {
    const rpId = options.rp.id ?? new URL(origin).hostname;
    const id = reusedId ? Buffer.from(reusedId, 'base64url') : randomBytes(32);
    const credentialId = id.toString('base64url');
    this.state = { credentialId, rpId, userHandle: options.user.id, signCount: 0 };
    const clientDataJSON = clientData('webauthn.create', options.challenge, origin);
    const authData = Buffer.concat([
      this.authDataHead(rpId, FLAG_ATTESTED_DATA | FLAG_BACKUP_ELIGIBLE),
      Buffer.alloc(16), // AAGUID: none
      u16(id.length),
      id,
      coseKey(createPublicKey(this.key)),
    ]);
    const attStmt =
      attestation === 'packed'
        ? new Map<unknown, unknown>([
            ['alg', -7],
            ['sig', sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), this.key)],
          ])
        : new Map();
    const attestationObject = cbor(
      new Map<unknown, unknown>([
        ['fmt', attestation],
        ['attStmt', attStmt],
        ['authData', authData],
      ]),
    );
    return credentialJson(credentialId, {
      clientDataJSON: clientDataJSON.toString('base64url'),
      attestationObject: attestationObject.toString('base64url'),
      transports: ['internal'],
    });
  }

  /** navigator.credentials.get(): an assertion for `options`, as seen from `origin`. */
  authenticate(options: RequestOptionsJSON, origin: string): Record<string, unknown> {
    const { credentialId, userHandle } = this.state;
    const rpId = options.rpId ?? new URL(origin).hostname;
    if (!credentialId || !userHandle) throw new Error('No passkey has been created yet.');
    const allowed = options.allowCredentials ?? [];
    if (allowed.length > 0 && !allowed.some((c) => c.id === credentialId))
      throw new Error('This authenticator holds none of the allowed credentials.');
    this.state.signCount += 1;
    const clientDataJSON = clientData('webauthn.get', options.challenge, origin);
    const authenticatorData = this.authDataHead(rpId, FLAG_BACKUP_ELIGIBLE);
    const signature = sign('sha256', Buffer.concat([authenticatorData, sha256(clientDataJSON)]), this.key);
    return credentialJson(credentialId, {
      clientDataJSON: clientDataJSON.toString('base64url'),
      authenticatorData: authenticatorData.toString('base64url'),
      signature: signature.toString('base64url'),
      userHandle,
    });
  }

  /** rpIdHash, flags (user present, verified if this authenticator verifies), sign count. */
  private authDataHead(rpId: string, flags: number): Buffer {
    const all = flags | FLAG_USER_PRESENT | (this.userVerification ? FLAG_USER_VERIFIED : 0);
    const count = Buffer.alloc(4);
    count.writeUInt32BE(this.state.signCount);
    return Buffer.concat([sha256(Buffer.from(rpId)), Buffer.from([all]), count]);
  }
}

/** A PublicKeyCredential's `toJSON()` as a platform authenticator's browser gives it. */
function credentialJson(id: string, response: Record<string, unknown>): Record<string, unknown> {
  return {
    id,
    rawId: id,
    type: 'public-key',
    authenticatorAttachment: 'platform',
    clientExtensionResults: {},
    response,
  };
}

function clientData(type: string, challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

/** The public key as COSE_Key (EC2, ES256, P-256). */
function coseKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  return cbor(
    new Map<unknown, unknown>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x as string, 'base64url')],
      [-3, Buffer.from(jwk.y as string, 'base64url')],
    ]),
  );
}

/** The CBOR this needs: integers, byte and text strings, maps (RFC 8949, definite lengths). */
function cbor(value: unknown): Buffer {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  if (typeof value === 'string') {
    const bytes = Buffer.from(value);
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (value instanceof Map) {
    const parts = [...value].flatMap(([k, v]) => [cbor(k), cbor(v)]);
    return Buffer.concat([head(5, value.size), ...parts]);
  }
  throw new Error(`cbor: cannot encode ${typeof value}`);
}

function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 256) return Buffer.from([(major << 5) | 24, n]);
  if (n < 65536) return Buffer.concat([Buffer.from([(major << 5) | 25]), u16(n)]);
  throw new Error('cbor: length too large');
}
