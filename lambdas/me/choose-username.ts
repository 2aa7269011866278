import { accountAdmin, userCallerGate, usernameRegistry } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { chooseUsername } from '../core/workflows/me/choose-username';
import { ME } from './operations';

/** PUT /me/username: chooseUsername (core/workflows/me/choose-username.ts). */
export const handler = httpOperation(
  ME.chooseUsername,
  { gate: userCallerGate() },
  async ({ body, caller, callerRecord }) => ({
    status: 200,
    body: await chooseUsername(
      { usernames: usernameRegistry(), accounts: accountAdmin() },
      { caller, record: callerRecord, username: body.username },
    ),
  }),
);
