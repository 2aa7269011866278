import {
  base32Decode,
  base32Encode,
  hotp,
  matchTotp,
  otpauthUri,
  totpCode,
  totpStep,
} from '../../../lambdas/core/domain/totp';

// RFC 6238 appendix B (SHA1): key "12345678901234567890", 8-digit codes.
const RFC_KEY = Buffer.from('12345678901234567890');
const RFC_VECTORS: Array<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(RFC_VECTORS)('matches the RFC test vector at T=%i', (seconds, code) => {
    expect(hotp(RFC_KEY, totpStep(seconds * 1000), 8)).toBe(code);
  });

  it('round-trips base32 secrets (RFC 4648)', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
  });

  it('accepts the code of the previous, current and next step, and nothing further', () => {
    const secret = base32Encode(RFC_KEY);
    const at = 1_700_000_000_000;
    for (const drift of [-30_000, 0, 30_000]) {
      expect(matchTotp(secret, totpCode(secret, at + drift), at)).toBe(totpStep(at + drift));
    }
    expect(matchTotp(secret, totpCode(secret, at - 60_000), at)).toBeUndefined();
    expect(matchTotp(secret, totpCode(secret, at + 60_000), at)).toBeUndefined();
  });

  it('refuses a code already used in its window, and malformed codes', () => {
    const secret = base32Encode(RFC_KEY);
    const at = 1_700_000_000_000;
    const code = totpCode(secret, at);
    const step = matchTotp(secret, code, at);

    expect(matchTotp(secret, code, at, step)).toBeUndefined();
    expect(matchTotp(secret, '12345', at)).toBeUndefined();
    expect(matchTotp(secret, 'abcdef', at)).toBeUndefined();
  });

  it('builds the otpauth URI authenticator apps scan', () => {
    expect(otpauthUri('Account Backend', 'jane@example.com', 'ABC')).toBe(
      'otpauth://totp/Account%20Backend:jane%40example.com?secret=ABC&issuer=Account+Backend&algorithm=SHA1&digits=6&period=30',
    );
  });
});
