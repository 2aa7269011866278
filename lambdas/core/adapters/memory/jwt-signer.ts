import { createPublicKey, generateKeyPairSync, type KeyObject, randomUUID, sign, verify } from 'node:crypto';
import type { Jwk, Jwks } from 'aws-jwt-verify/jwk';

/** An RS256 key the in-memory Cognito owns; its JWKS is what verifiers trust in mock mode. */
export class JwtSigner {
  readonly kid = randomUUID();
  private readonly privateKey: KeyObject;
  private readonly publicJwk: Jwk;

  constructor() {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    const exported = createPublicKey(privateKey).export({ format: 'jwk' });
    this.publicJwk = {
      kty: 'RSA',
      n: exported.n,
      e: exported.e,
      kid: this.kid,
      alg: 'RS256',
      use: 'sig',
    } as Jwk;
  }

  get jwks(): Jwks {
    return { keys: [this.publicJwk] };
  }

  sign(payload: Record<string, unknown>): string {
    const header = { kid: this.kid, alg: 'RS256' };
    const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
    const signature = sign('RSA-SHA256', Buffer.from(signingInput), this.privateKey);
    return `${signingInput}.${signature.toString('base64url')}`;
  }
}

/** The payload of a token this signer signed, or undefined (foreign, tampered, malformed). */
export function verifiedPayload(signer: JwtSigner, token: string): Record<string, unknown> | undefined {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return undefined;
  try {
    const ok = verify(
      'RSA-SHA256',
      Buffer.from(`${header}.${payload}`),
      createPublicKey({ key: signer.jwks.keys[0] as never, format: 'jwk' }),
      Buffer.from(signature, 'base64url'),
    );
    return ok
      ? (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

let shared: JwtSigner | undefined;

/** One key per process: generating RSA keys is slow, and a reset world may keep it. */
export function sharedJwtSigner(): JwtSigner {
  shared ??= new JwtSigner();
  return shared;
}
