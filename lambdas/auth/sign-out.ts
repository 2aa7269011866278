import { clock, selfService, userCallerGate, userStore } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { signOutEverywhere } from '../core/workflows/auth/sign-out';
import { AUTH } from './operations';

/** POST /auth/sign-out: signOutEverywhere (core/workflows/auth/sign-out.ts); 204. */
export const handler = httpOperation(
  AUTH.signOut,
  { gate: userCallerGate() },
  async ({ caller, accessToken }) => {
    await signOutEverywhere(
      { selfService: selfService(), users: userStore(), clock: clock() },
      { caller, accessToken },
    );
    return { status: 204 };
  },
);
