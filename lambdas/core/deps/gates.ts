import { adminGate, type CallerGate, userGate } from '../http/caller-gate';
import { cachedSessionCheck, type SessionCheck } from '../http/session-check';
import { selfService, userDirectory } from './cognito';
import { clock } from './platform';
import { userStore } from './tables';

/**
 * Cognito's verdict on access tokens (GetUser), reused per token for 60 s in
 * this container; the ports are resolved per call, so mock mode's world and
 * clock are the current ones.
 */
let sessions: SessionCheck | undefined;
const sessionCheck = (): SessionCheck => {
  sessions ??= cachedSessionCheck(
    (token) => selfService().getUser(token),
    () => clock()(),
  );
  return sessions;
};

/**
 * The revocation check of `user` routes: the caller's Users record and
 * Cognito's verdict on the token. Its ports are resolved per request
 * (handlers build their options at load time).
 */
export const userCallerGate = (): CallerGate => ({
  level: 'user',
  admit: (caller, claims, token) => userGate(userStore(), sessionCheck()).admit(caller, claims, token),
});

/** The revocation check of `admin` routes: the user checks, the Cognito account and its group. */
export const adminCallerGate = (): CallerGate => ({
  level: 'admin',
  admit: (caller, claims, token) =>
    adminGate(userStore(), sessionCheck(), userDirectory()).admit(caller, claims, token),
});
