import { readFileSync } from 'node:fs';
import { type EmulatorInfo, emulatorEnvironment } from '../../local/emulators';
import { BILLING_SECRET, WEBHOOK_SECRET } from '../support/harness';

// Integration tests run the real adapters (MOCK_MODE=false) against the emulators.
const stateFile = process.env.EMULATOR_STATE_FILE;
if (!stateFile) throw new Error('EMULATOR_STATE_FILE is not set: the integration global setup did not run.');
const info = JSON.parse(readFileSync(stateFile, 'utf8')) as EmulatorInfo;
// The tests sign with the local webhook secrets whatever the shell that started the emulators had.
Object.assign(process.env, emulatorEnvironment(info), {
  APPLICATION_WEBHOOK_SECRET: WEBHOOK_SECRET,
  BILLING_WEBHOOK_SECRET: BILLING_SECRET,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
});
