import { rmSync } from 'node:fs';
import type { RunningEmulators } from '../../local/emulators';

/** Stops both emulators and removes their files; nothing is left running. */
export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { __EMULATORS__?: RunningEmulators };
  await holder.__EMULATORS__?.stop();
  holder.__EMULATORS__ = undefined;
  if (process.env.EMULATOR_STATE_FILE) rmSync(process.env.EMULATOR_STATE_FILE, { force: true });
}
