import { adminGate, userGate } from '../lambdas/core/http/caller-gate';
import { cachedSessionCheck } from '../lambdas/core/http/session-check';
import { emulatorEnvironment, startEmulators } from '../local/emulators';
import { writeBenchSection } from './bench-doc';

/**
 * The warm cost of the caller gate (revocation check) per protected request,
 * measured on the emulators over loopback: `userGate` (one consistent GetItem
 * and Cognito's GetUser verdict on the token, reused for 60 s per token) with
 * the verdict reused and asked anew, and `adminGate` (also AdminGetUser and
 * AdminListGroupsForUser, in parallel), for one signed-in caller, after a warm-up. Appends the
 * figures to docs/benchmarks.md (section "Caller gate").
 *
 *   npm run bench:gate [-- --runs 300]
 */
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 300;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;
}

async function timed(run: () => Promise<void>): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < 20; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

async function main(): Promise<void> {
  const emulators = await startEmulators();
  try {
    Object.assign(process.env, emulatorEnvironment(emulators), { LOG_LEVEL: 'silent' });
    // Loaded after the environment points at the emulators.
    const deps = await import('../lambdas/core/deps');
    const { bootstrapAdminOnAdapters } = await import('../local/emulators/bootstrap-admin');
    await bootstrapAdminOnAdapters('bench-admin@example.com', 'Str0ng!Passw0rd');
    const account = await deps.userDirectory().getUser('bench-admin@example.com');
    if (!account) throw new Error('no admin');
    const caller = { sub: account.sub, username: account.username, groups: ['admin'] };
    const outcome = await deps.signIn().passwordLogin('bench-admin@example.com', 'Str0ng!Passw0rd');
    if (!('tokens' in outcome)) throw new Error('the bench admin did not get tokens');
    const token = outcome.tokens.accessToken;
    const claims = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const sessions = cachedSessionCheck(
      (t) => deps.selfService().getUser(t),
      () => new Date(),
    );
    const user = userGate(deps.userStore(), sessions);
    const uncached = userGate(deps.userStore(), {
      check: (t) => sessions.check(t, { fresh: true }),
    });
    const admin = adminGate(deps.userStore(), sessions, deps.userDirectory());
    const u = await timed(async () => {
      await user.admit(caller, claims, token);
    });
    const fresh = await timed(async () => {
      await uncached.admit(caller, claims, token);
    });
    const a = await timed(async () => {
      await admin.admit(caller, claims, token);
    });
    const section = [
      '## Caller gate',
      '',
      `Measured by \`npm run bench:gate\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}: the revocation check per protected request, warm, ${RUNS} checks after 20 of warm-up, on DynamoDB Local and cognito-local over loopback (a deployed function's calls to DynamoDB and Cognito in the same region take a few milliseconds more each).`,
      '',
      '| gate | reads | median | p95 |',
      '|---|---|---|---|',
      `| \`userGate\` (user routes), token seen in the last 60 s | 1 consistent GetItem | ${u.median.toFixed(2)} ms | ${u.p95.toFixed(2)} ms |`,
      `| \`userGate\`, a token's first request in a container (or after 60 s) | GetItem and Cognito GetUser in parallel | ${fresh.median.toFixed(2)} ms | ${fresh.p95.toFixed(2)} ms |`,
      `| \`adminGate\` (admin routes) | GetItem, AdminGetUser, AdminListGroupsForUser in parallel (GetUser reused) | ${a.median.toFixed(2)} ms | ${a.p95.toFixed(2)} ms |`,
      '',
      "Cognito's GetUser verdict is what honours a GlobalSignOut or RevokeToken sent straight to Cognito, a DeleteUser, and an operator's disable or delete in the console, within 60 s (docs/security.md). Its price: one GetUser per token per minute per container, and the Cognito client in every user route's bundle (see the load figures above).",
      '',
    ].join('\n');
    // Only its own section is replaced: the sections after it (Scale, Local API, Reproduce) are kept.
    writeBenchSection('Caller gate', section, 'Scale');
    console.info(section);
  } finally {
    await emulators.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
