import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type RunningEmulators, startEmulators } from '../../local/emulators';

/** Starts cognito-local, moto and DynamoDB Local once for the integration project. */
export default async function globalSetup(): Promise<void> {
  const emulators = await startEmulators({ alsoMoto: true });
  (globalThis as { __EMULATORS__?: RunningEmulators }).__EMULATORS__ = emulators;
  const { stop: _stop, ...info } = emulators;
  const stateFile = path.join(tmpdir(), `account-backend-emulators-${process.pid}.json`);
  writeFileSync(stateFile, JSON.stringify(info));
  // Test workers are started after this and inherit the variable.
  process.env.EMULATOR_STATE_FILE = stateFile;
}
