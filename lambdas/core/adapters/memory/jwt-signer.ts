import { createPublicKey, generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
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

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

let shared: JwtSigner | undefined;

/** One key per process: generating RSA keys is slow, and a reset world may keep it. */
export function sharedJwtSigner(): JwtSigner {
  shared ??= new JwtSigner();
  return shared;
}
