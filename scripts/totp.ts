import { totpCode } from '../lambdas/core/domain/totp';

/**
 * `npm run totp -- <base32 secret>`: prints the current TOTP code of a secret
 * (what an authenticator app shows), to walk the TOTP flow with curl.
 */
const secret = process.argv[2];
if (!secret || !/^[A-Z2-7]+=*$/i.test(secret)) {
  console.error('Usage: npm run totp -- <base32 secret from POST /me/mfa/totp>');
  process.exit(2);
}
console.info(totpCode(secret, Date.now()));
