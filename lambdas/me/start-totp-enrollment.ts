import { selfService, userCallerGate, userStore } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { startTotpEnrollment } from '../core/workflows/me/start-totp-enrollment';
import { ME } from './operations';

/** POST /me/mfa/totp: startTotpEnrollment (core/workflows/me/start-totp-enrollment.ts). */
export const handler = httpOperation(
  ME.startTotpEnrollment,
  { gate: userCallerGate() },
  async ({ caller, callerRecord, accessToken }) => ({
    status: 200,
    body: await startTotpEnrollment(
      { selfService: selfService(), users: userStore() },
      { caller, record: callerRecord, accessToken },
    ),
  }),
);
