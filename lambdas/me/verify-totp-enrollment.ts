import { selfService, userCallerGate, userStore } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { verifyTotpEnrollment } from '../core/workflows/me/verify-totp-enrollment';
import { ME } from './operations';

/** POST /me/mfa/totp/verify: verifyTotpEnrollment (core/workflows/me/verify-totp-enrollment.ts); the Profile. */
export const handler = httpOperation(
  ME.verifyTotpEnrollment,
  { gate: userCallerGate() },
  async ({ body, caller, callerRecord, accessToken }) => ({
    status: 200,
    body: await verifyTotpEnrollment(
      { selfService: selfService(), users: userStore() },
      { caller, record: callerRecord, accessToken, code: body.code },
    ),
  }),
);
