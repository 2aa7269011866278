import type { EnvironmentConfig } from './index';

/**
 * Production: its own stack, refresh tokens rotated. Add what your deployment
 * needs here rather than on the command line (a forgotten flag would turn a
 * feature off at the next deploy): `sesFromAddress` (a verified SES sender),
 * `passkeyRpId`, `legacyDatabaseSecretArn`, `corsOrigins`, `threatProtection`.
 */
export const prod: EnvironmentConfig = {
  stackName: 'AccountsProd',
  refreshTokenRotation: true,
};
