import { accountAdmin, userCallerGate, usernameRegistry } from '../core/deps';
import { httpOperation } from '../core/http/preset';
import { chooseUsername } from '../core/workflows/username';
import { ME } from './operations';

/** PUT /me/username: chooseUsername (core/workflows/username.ts). */
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
