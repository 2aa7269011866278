import { clock, selfService, userCallerGate, userStore } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { signOutEverywhere } from '../core/workflows/auth/sign-out';
import { AUTH } from './operations';

const UNCONFIRMED =
  "Signed out at this API: every token issued until now is refused here, and no refresh is served. Cognito did not confirm its own sign-out, so its access tokens may still work at Cognito's self-service API until they expire.";

/**
 * POST /auth/sign-out: signOutEverywhere (core/workflows/auth/sign-out.ts); 204, or 202 when
 * Cognito's own sign-out did not answer (the API refuses the tokens all the same).
 */
export const handler = httpOperation(
  AUTH.signOut,
  { gate: userCallerGate() },
  async ({ caller, accessToken }) => {
    const { cognito } = await signOutEverywhere(
      { selfService: selfService(), users: userStore(), clock: clock() },
      { caller, accessToken },
    );
    if (cognito === 'signed-out') return { status: 204 };
    return { status: 202, body: { message: UNCONFIRMED } };
  },
);
