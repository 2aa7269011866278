import { adminCallerGate, userDirectory } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { resendAdminInvite } from '../core/workflows/admins/resend-admin-invite';
import { ADMINS } from './operations';

/** POST /admins/resend-invite: resendAdminInvite (core/workflows/admins/resend-admin-invite.ts). */
export const handler = httpOperation(
  ADMINS.resendAdminInvite,
  { gate: adminCallerGate() },
  async ({ body }) => {
    await resendAdminInvite(userDirectory(), body.email);
    return { status: 202, body: { message: 'A new invitation is on its way.' } };
  },
);
