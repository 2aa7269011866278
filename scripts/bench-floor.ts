import { freePort } from '../local/emulators/processes';
import { spawnLocalApi } from './local-api';

/**
 * `npm run bench:floor`: the sign-in timing floor under a burst, on `npm start`
 * (tsx, mock mode) as a user runs it. A known user's login (the right
 * password) is timed ten times alone; then 100 logins are sent at once (half
 * the known user, half unknown emails, whose UserMigration trigger runs a
 * bcrypt check); then the known user's login is timed ten times again. Prints
 * the medians before and after and their ratio: a burst must not raise
 * everyone's sign-ins to the floor's cap (docs/benchmarks.md, "Sign-in floor").
 *
 *   npm run bench:floor [-- --burst 100]
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const BURST = arg('burst', 100);
const KNOWN = { email: 'floor@example.com', password: 'Fl00r!Passw0rd-2026' };

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function main(): Promise<void> {
  const port = await freePort();
  const child = await spawnLocalApi(port, KNOWN);
  const login = async (body: { email: string; password: string }) => {
    const started = performance.now();
    await fetch(`http://127.0.0.1:${port}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).then((r) => r.arrayBuffer());
    return performance.now() - started;
  };
  const alone = async () => {
    const times: number[] = [];
    for (let i = 0; i < 10; i++) times.push(await login(KNOWN));
    return median(times);
  };
  try {
    const slowPath = await login({ email: 'nobody-0@example.com', password: 'Wr0ng!Password-1' });
    const before = await alone();
    const burstStarted = performance.now();
    const burst = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        login(i % 2 ? KNOWN : { email: `nobody-${i}@example.com`, password: 'Wr0ng!Password-1' }),
      ),
    );
    const burstMs = performance.now() - burstStarted;
    const after = await alone();
    console.log(`unknown email, alone (the slow path): ${slowPath.toFixed(0)} ms`);
    console.log(`known user, alone, before the burst: median ${before.toFixed(0)} ms`);
    console.log(
      `burst of ${BURST} at once: ${burstMs.toFixed(0)} ms in all, median answer ${median(burst).toFixed(0)} ms`,
    );
    console.log(`known user, alone, after the burst:  median ${after.toFixed(0)} ms`);
    console.log(`after / before: ${(after / before).toFixed(2)}x`);
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
