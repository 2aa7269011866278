import { selfService, userCallerGate, userStore } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { disableMfa } from '../core/workflows/me/disable-mfa';
import { ME } from './operations';

/** DELETE /me/mfa: disableMfa (core/workflows/me/disable-mfa.ts); 204, or 409 MFA_REQUIRED. */
export const handler = httpOperation(
  ME.disableMfa,
  { gate: userCallerGate() },
  async ({ caller, callerRecord, accessToken }) => {
    await disableMfa(
      { selfService: selfService(), users: userStore() },
      { caller, record: callerRecord, accessToken },
    );
    return { status: 204 };
  },
);
