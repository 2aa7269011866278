import { type ChildProcess, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * A failed spawn is an 'error' event; unhandled, it would crash this process
 * and orphan the emulator started before it. Every child is watched from birth.
 */
const spawnErrors = new WeakMap<ChildProcess, Error>();
export function watched(child: ChildProcess): ChildProcess {
  child.on('error', (error) => spawnErrors.set(child, error));
  return child;
}

/** DynamoDB Local is a Java program: say so plainly instead of failing on a spawn error. */
export function requireJava(): void {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'DynamoDB Local needs Java 17 or newer on the PATH (Debian/Ubuntu: apt-get install openjdk-17-jre-headless).',
    );
  }
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Polls `probe` until it succeeds; fails early when the child exits or could not be spawned. */
export async function waitFor(
  probe: () => Promise<unknown>,
  name: string,
  child: ChildProcess,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    const spawnError = spawnErrors.get(child);
    if (spawnError) throw new Error(`${name} could not be started: ${spawnError.message}`);
    if (child.exitCode !== null)
      throw new Error(`${name} exited with code ${child.exitCode} while starting.`);
    try {
      await probe();
      return;
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`${name} did not answer within ${timeoutMs} ms: ${(last as Error)?.message}`);
}

/** A port the OS reports free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
