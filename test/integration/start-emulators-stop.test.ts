import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { emulatorEnvironment } from '../../local/emulators';
import { freePort } from '../../local/emulators/processes';
import { emulators } from './emulators';

/**
 * `npm run start:emulators` stopped as a terminal (Ctrl-C: SIGINT to the
 * foreground process group) and as scripts, test runners and CI stop it
 * (SIGTERM to its process group): nothing it started keeps running, and its
 * folders are gone.
 */
const root = path.join(__dirname, '..', '..');

/** This process's environment without what the integration setup added for its own emulators. */
function shellEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(emulatorEnvironment(emulators()))) delete env[key];
  return env;
}

async function started(): Promise<{ child: ChildProcess; banner: string }> {
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['local/start-emulators.ts'], {
    cwd: root,
    detached: true, // its own process group, as a terminal or a CI step gives it
    env: { ...shellEnvironment(), PORT: String(await freePort()), LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let banner = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    banner += chunk.toString();
  });

  const deadline = Date.now() + 90_000;
  while (!banner.includes('stops the API and the emulators')) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`start-emulators did not start:\n${banner}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, banner };
}

/** The command lines of every process still running that mentions `needle`. */
function running(needle: string): string[] {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(needle));
}

describe('stopping npm run start:emulators', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s to its process group stops everything it started',
    async (signal) => {
      const { child, banner } = await started();
      const workDir = /work folder \([^)]*\): (\S+)/.exec(banner)?.[1] as string;
      const pgPort = /postgres:\/\/postgres@127\.0\.0\.1:(\d+)\//.exec(banner)?.[1];
      const dynamoPort = /DynamoDB Local: http:\/\/127\.0\.0\.1:(\d+)/.exec(banner)?.[1] as string;
      const pgDir = pgPort ? /-D (\S+)\/data/.exec(running(`-p ${pgPort} `)[0] ?? '')?.[1] : undefined;
      expect(existsSync(workDir)).toBe(true);
      if (pgPort) expect(pgDir && existsSync(pgDir)).toBe(true);

      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-(child.pid as number), signal);
      await exited;
      // Children the group signal reached may take a moment to finish after the runner exits.
      const deadline = Date.now() + 15_000;
      const left = () => [
        ...running(workDir),
        ...running(`-port ${dynamoPort}`),
        ...(pgPort ? running(`-p ${pgPort} `) : []),
      ];
      while (left().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));

      expect(left()).toEqual([]);
      expect(existsSync(workDir)).toBe(false);
      if (pgDir) expect(existsSync(pgDir)).toBe(false);
    },
    150_000,
  );
});
