import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';

const root = path.join(__dirname, '..');

/** Waits until `url` answers below 500 (the server is up), or fails if `child` exits first. */
export async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

/**
 * `npm start` as a user runs it (tsx, mock mode) for the benchmark scripts: on
 * `port`, with `admin` as its bootstrap admin, its request log silenced so it is
 * not the bottleneck, and a fresh world (the developer's world file is off).
 */
export async function spawnLocalApi(
  port: number,
  admin: { email: string; password: string },
): Promise<ChildProcess> {
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['local/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      MOCK_MODE: 'true',
      PORT: String(port),
      LOG_LEVEL: 'silent',
      LOCAL_ADMIN_EMAIL: admin.email,
      LOCAL_ADMIN_PASSWORD: admin.password,
      LOCAL_STATE_FILE: 'off',
    },
    stdio: 'ignore',
  });
  await waitFor(`http://127.0.0.1:${port}/health`, child);
  return child;
}
