import { type ChildProcess, fork } from 'node:child_process';
import * as path from 'node:path';
import autocannon from 'autocannon';
import { JwtSigner } from '../lambdas/core/adapters/memory/jwt-signer';
import { MOCK_POOL } from '../lambdas/core/adapters/memory/world';
import { freePort } from '../local/emulators/processes';
import { spawnLocalApi, waitFor } from './local-api';

/**
 * `npm run bench:api`: the local API (`npm start`: tsx, mock mode) against
 * two bare node:http servers on GET /me with a bearer access token — one
 * running the same aws-jwt-verify RS256 check, one with no check — loaded
 * alternately with autocannon (50 connections), in one run, so the three see
 * the same machine. Prints requests/s and p99 per server and the ratios
 * (median over the rounds; the first round of each is a discarded warm-up).
 *
 *   npm run bench:api [-- --rounds 5 --seconds 5 --connections 50]
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = arg('rounds', 5);
const SECONDS = arg('seconds', 5);
const CONNECTIONS = arg('connections', 50);
const ADMIN = { email: 'bench@example.com', password: 'B3nch!Passw0rd-2026' };

/** `npm start` as a user runs it (tsx, mock mode), its request log silenced so it is not the bottleneck. */
async function startLocalApi(port: number): Promise<{ child: ChildProcess; token: string }> {
  const child = await spawnLocalApi(port, ADMIN);
  const login = await fetch(`http://127.0.0.1:${port}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const body = (await login.json()) as { tokens?: { accessToken: string } };
  if (!body.tokens) throw new Error(`login answered ${login.status}`);
  return { child, token: body.tokens.accessToken };
}

/** A bare server; for "verify", a token with the fake's claims signed by a key only it trusts. */
async function startBare(
  port: number,
  mode: 'verify' | 'none',
): Promise<{ child: ChildProcess; token: string }> {
  const signer = new JwtSigner();
  const now = Math.floor(Date.now() / 1000);
  const token = signer.sign({
    sub: '7d1f0000-0000-4000-8000-000000000001',
    iss: `https://cognito-idp.${MOCK_POOL.region}.amazonaws.com/${MOCK_POOL.userPoolId}`,
    client_id: MOCK_POOL.clientId,
    origin_jti: '00000000-0000-4000-8000-000000000002',
    event_id: '00000000-0000-4000-8000-000000000003',
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: now,
    iat: now,
    exp: now + 3600,
    jti: '00000000-0000-4000-8000-000000000004',
    username: '7d1f0000-0000-4000-8000-000000000001',
  });
  const config = {
    port,
    mode,
    userPoolId: MOCK_POOL.userPoolId,
    clientId: MOCK_POOL.clientId,
    jwks: signer.jwks,
  };
  // execArgv: [] — plain Node, without the tsx loader this script runs under.
  const child = fork(path.join(__dirname, 'bench-bare-server.js'), [], {
    execArgv: [],
    env: { ...process.env, BENCH_BARE: JSON.stringify(config) },
    stdio: 'ignore',
  });
  await waitFor(`http://127.0.0.1:${port}/me`, child);
  return { child, token };
}

async function load(port: number, token: string): Promise<{ rps: number; p99: number; non2xx: number }> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/me`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { authorization: `Bearer ${token}` },
  });
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx + result.errors };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function main(): Promise<void> {
  const [apiPort, verifyPort, nonePort] = [await freePort(), await freePort(), await freePort()];
  const servers = {
    'npm start (local API, mock mode)': await startLocalApi(apiPort).then((s) => ({ ...s, port: apiPort })),
    'bare node:http + aws-jwt-verify': await startBare(verifyPort, 'verify').then((s) => ({
      ...s,
      port: verifyPort,
    })),
    'bare node:http, no check': await startBare(nonePort, 'none').then((s) => ({ ...s, port: nonePort })),
  };
  const names = Object.keys(servers) as Array<keyof typeof servers>;
  const samples = Object.fromEntries(names.map((n) => [n, [] as Array<{ rps: number; p99: number }>]));
  try {
    for (let round = 0; round <= ROUNDS; round++) {
      // Alternate the order each round, so no server always runs on a machine the previous one heated.
      const order = round % 2 === 0 ? names : [...names].reverse();
      for (const name of order) {
        const { port, token } = servers[name];
        const figures = await load(port, token);
        if (figures.non2xx > 0) throw new Error(`${name}: ${figures.non2xx} answers were not 2xx`);
        if (round > 0) samples[name]?.push(figures);
        process.stderr.write(
          `round ${round}${round === 0 ? ' (warm-up)' : ''}: ${name}: ${Math.round(figures.rps)} req/s, p99 ${figures.p99} ms\n`,
        );
      }
    }
  } finally {
    for (const { child } of Object.values(servers)) child.kill('SIGTERM');
  }
  const summary = names.map((name) => ({
    name,
    rps: median((samples[name] ?? []).map((s) => s.rps)),
    p99: median((samples[name] ?? []).map((s) => s.p99)),
  }));
  const [api, verify, none] = summary as [(typeof summary)[0], (typeof summary)[0], (typeof summary)[0]];
  console.info(
    `\nGET /me, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s each (median), Node ${process.version}\n`,
  );
  console.info('| server | requests/s | p99 (ms) |');
  console.info('|---|---|---|');
  for (const s of summary) console.info(`| ${s.name} | ${Math.round(s.rps)} | ${s.p99} |`);
  console.info(
    `\nnpm start / bare verifying server: ${(api.rps / verify.rps).toFixed(2)}x requests/s, p99 ${(api.p99 / verify.p99).toFixed(2)}x; / bare server without check: ${(api.rps / none.rps).toFixed(2)}x`,
  );
}

main().catch((error: unknown) => {
  console.error(`bench:api failed: ${(error as Error).message}`);
  process.exit(1);
});
