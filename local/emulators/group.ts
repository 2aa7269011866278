import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { appClientSecret, providedSecret, SECRETS, type SecretName } from '../../lambdas/core/secrets';
import { stopChild } from './processes';
import { EMULATOR_REGION, type RunningEmulators } from './types';

/** What a start gives beyond what every run has (region, pids, work folder, stop). */
export type StartedEmulators = Omit<RunningEmulators, 'region' | 'pids' | 'workDir' | 'stop'>;

/** The work folder and every child started in it, stopped (and the folder removed) together. */
export function processGroup() {
  const workDir = mkdtempSync(path.join(tmpdir(), 'account-backend-emulators-'));
  const children: ChildProcess[] = [];
  const cleanups: Array<() => void> = [];
  return {
    workDir,
    children,
    watch(child: ChildProcess) {
      for (const gone of children.filter((c) => c.exitCode !== null || c.signalCode !== null))
        children.splice(children.indexOf(gone), 1);
      children.push(child);
    },
    onStop: (cleanup: () => void) => cleanups.push(cleanup),
    stop,
    /** Runs `start`; what it started is stopped again if it fails. */
    async run(start: () => Promise<StartedEmulators>): Promise<RunningEmulators> {
      try {
        const started = await start();
        return { ...started, region: EMULATOR_REGION, pids: children.map((c) => c.pid ?? 0), workDir, stop };
      } catch (error) {
        await stop();
        throw error;
      }
    },
  };
  async function stop() {
    await Promise.all(children.map(stopChild));
    for (const cleanup of cleanups) cleanup();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * Every shared secret of the catalogue as plain text, once per emulator run,
 * for the local API and the trigger functions alike: the webhook secrets are
 * the documented local defaults (senders must know them), the internal keys
 * (sign-up tickets, list cursors) random. A value already in the environment wins.
 * Secrets the team brings (the legacy database) come from the environment only.
 */
export function emulatorSecrets(): Record<string, string> {
  const external: ReadonlySet<SecretName> = new Set<SecretName>(['applicationWebhook', 'billingWebhook']);
  const generated = (Object.keys(SECRETS) as SecretName[]).filter(
    (name) => !providedSecret(name) && !appClientSecret(name),
  );
  return Object.fromEntries(
    generated.map((name) => {
      const { valueEnv, mockDefault } = SECRETS[name];
      const generated = external.has(name) ? mockDefault : randomBytes(24).toString('hex');
      return [valueEnv, process.env[valueEnv] || generated];
    }),
  );
}
