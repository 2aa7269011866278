import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  backendNamed,
  FIDELITY_BACKENDS,
  type FidelityBackend,
  GAP_DETAILS,
} from '../local/emulators/fidelity';
import { EMULATOR_GAPS, type EmulatorGap } from '../local/emulators/gaps';

/**
 * docs/fidelity.md: what the fake, cognito-local and moto each do of the
 * Cognito APIs the project calls. `npm run docs:fidelity` runs the contract
 * and direct-Cognito suites on the three backends and writes the doc from
 * their results, the two gap lists (local/emulators/gaps.ts) and the gaps'
 * details (local/emulators/fidelity.ts). A test keeps the API and gap tables
 * equal to the lists.
 */
const ROOT = path.join(__dirname, '..');
type Backend = FidelityBackend;
const GAPS = EMULATOR_GAPS;
const reasonsOf = (gap: EmulatorGap) => [GAPS['cognito-local'][gap], GAPS.moto[gap]].filter(Boolean);

/** Every Cognito API the project calls: by its adapters, and by the callers around the API its tests play. */
export function cognitoApisCalled(): Array<{ api: string; by: string }> {
  const commands = (file: string) =>
    new Set(
      [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/new (\w+)Command\(/g)].map(
        (m) => m[1] as string,
      ),
    );
  const dir = 'lambdas/core/adapters/aws/cognito';
  const adapters = new Set(readdirSync(path.join(ROOT, dir)).flatMap((f) => [...commands(`${dir}/${f}`)]));
  const around = commands('test/support/direct-cognito.ts');
  return [...new Set([...adapters, ...around])].sort().map((api) => ({
    api,
    by: [adapters.has(api) ? 'the adapters' : '', around.has(api) ? 'callers around the API' : '']
      .filter(Boolean)
      .join(', '),
  }));
}

const gapsOn = (backend: Exclude<Backend, 'fake'>, api: string) =>
  (Object.keys(GAPS[backend]) as EmulatorGap[]).filter((gap) => GAP_DETAILS[gap].apis.includes(api));

/** Which APIs answered on each backend in the run, from the suites' call records (test/support/fidelity-calls.ts). */
export type Observed = Partial<Record<Backend, ReadonlySet<string>>>;

/** The `## Cognito APIs` section: each API, and per emulator as Cognito, the gaps that touch it, or unchecked. */
export function apiSection(observed: Observed): string {
  const cell = (backend: Exclude<Backend, 'fake'>, api: string) => {
    const gaps = gapsOn(backend, api);
    if (gaps.length) return `differs: ${gaps.map((g) => `\`${g}\``).join(', ')}`;
    return observed[backend]?.has(api) ? 'as Cognito' : 'not called by the checks here';
  };
  const rows = cognitoApisCalled().map(
    ({ api, by }) =>
      `| \`${api}\` | ${by} | as Cognito | ${cell('cognito-local', api)} | ${cell('moto', api)} |`,
  );
  return [
    '## Cognito APIs',
    '',
    'Every Cognito API the project calls, and whether each backend does what Cognito does with it, as far as',
    'the project\'s checks go: "as Cognito" where the checks called it there and no gap touches it, "differs" with',
    'the gaps (next section) where one does. The fake is the reference the checks are written against: every check',
    'passes on it.',
    '',
    '| API | called by | the fake | cognito-local | moto |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/** The `## Gaps` section: each gap, what Cognito does, what each emulator does instead. */
export function gapSection(): string {
  const used = (Object.keys(GAP_DETAILS) as EmulatorGap[]).filter((gap) => reasonsOf(gap).length > 0);
  const rows = used.map((gap) => {
    const detail = GAP_DETAILS[gap];
    const on = (backend: Exclude<Backend, 'fake'>) => GAPS[backend][gap] ?? 'as Cognito';
    const both =
      GAPS['cognito-local'][gap] && GAPS.moto[gap]
        ? ' Both emulators differ here; the fake follows the reference.'
        : '';
    return `| \`${gap}\` | ${detail.apis.join(', ')} | ${detail.cognito}${both} | ${on('cognito-local')} | ${on('moto')} |`;
  });
  const unsettled = used.filter((gap) => GAP_DETAILS[gap].unsettled);
  return [
    '## Gaps',
    '',
    'Where an emulator does not do what Cognito\'s API reference says. The fake does what the "Cognito" column',
    'says: every check skipped on an emulator for the gap passes on the fake (next section). A check skipped on an',
    'emulator names the gap and this reason.',
    '',
    '| gap | APIs | Cognito | cognito-local | moto |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    '### Not yet settled',
    '',
    ...unsettled.map((gap) => `- \`${gap}\`: ${GAP_DETAILS[gap].unsettled}`),
    '',
  ].join('\n');
}

interface Assertion {
  ancestorTitles: string[];
  title: string;
  status: string;
}

/** The `## Checks` section, from a jest `--json` result of the suites: each check on each backend. */
export function checksSection(
  results: { testResults: Array<{ assertionResults: Assertion[] }> },
  ranAt: string,
): string {
  const rows = new Map<string, Partial<Record<Backend, string>>>();
  const gapOf = (title: string) =>
    (Object.keys(GAP_DETAILS) as EmulatorGap[]).find((gap) =>
      reasonsOf(gap).some((reason) => title.includes(reason as string)),
    );
  for (const a of results.testResults.flatMap((r) => r.assertionResults)) {
    const top = a.ancestorTitles[0] ?? '';
    const backend = backendNamed(top);
    if (!backend) continue;
    const suite = top.replace(
      /,? on (the in-memory Cognito|the Cognito adapters on \S+|the fake.*|cognito-local \(.*|moto \(.*)$/,
      '',
    );
    const title = a.title.replace(/ \[skipped on .*\]$/, '');
    const key = `${suite} | ${[...a.ancestorTitles.slice(1), title].join(' › ')}`;
    const status =
      a.status === 'passed'
        ? 'passed'
        : a.status === 'pending'
          ? `skipped: \`${gapOf(a.title) ?? '?'}\``
          : a.status;
    rows.set(key, { ...rows.get(key), [backend]: status });
  }
  const count = (backend: Backend, what: RegExp) =>
    [...rows.values()].filter((r) => what.test(r[backend] ?? '')).length;
  return [
    '## Checks',
    '',
    `The contract and direct-Cognito suites as they ran on ${ranAt} (\`npm run docs:fidelity\`): passed`,
    `${FIDELITY_BACKENDS.map((b) => `${b} ${count(b, /^passed/)}`).join(', ')}; skipped ${FIDELITY_BACKENDS.map((b) => `${b} ${count(b, /^skipped/)}`).join(', ')}; failed ${FIDELITY_BACKENDS.map((b) => count(b, /^failed/)).reduce((x, y) => x + y, 0)}.`,
    '',
    '| suite | check | the fake | cognito-local | moto |',
    '|---|---|---|---|---|',
    ...[...rows]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, r]) => `| ${key} | ${FIDELITY_BACKENDS.map((b) => r[b] ?? '—').join(' | ')} |`),
    '',
  ].join('\n');
}

export function fidelityDoc(checks: string, observed: Observed): string {
  return [
    '# Fidelity: the fake, cognito-local and moto against Cognito',
    '',
    'Every flow is proven on the in-memory fake and, through the real AWS adapters, on two independent',
    "emulators with different gaps: cognito-local (with the stack's triggers) and moto's Cognito. Generated by",
    '`npm run docs:fidelity` from a run of the suites, `local/emulators/gaps.ts` and `local/emulators/fidelity.ts`.',
    '',
    apiSection(observed),
    gapSection(),
    checks,
  ].join('\n');
}

if (require.main === module) {
  const work = mkdtempSync(path.join(tmpdir(), 'fidelity-'));
  const out = path.join(work, 'results.json');
  const callsDir = path.join(work, 'calls');
  mkdirSync(callsDir);
  try {
    execFileSync(
      path.join(ROOT, 'node_modules', '.bin', 'jest'),
      ['--testPathPatterns', 'contract/cognito|direct-cognito|moto-api', '--json', `--outputFile=${out}`],
      { cwd: ROOT, stdio: 'inherit', env: { ...process.env, FIDELITY_CALLS_DIR: callsDir } },
    );
  } catch {
    console.error('Some checks failed: they are listed as failed in docs/fidelity.md.');
  }
  const observed: Record<string, Set<string>> = {};
  for (const file of readdirSync(callsDir)) {
    const calls = JSON.parse(readFileSync(path.join(callsDir, file), 'utf8')) as Array<{
      backend: Backend;
      api: string;
      ok: boolean;
    }>;
    for (const call of calls.filter((c) => c.ok)) {
      observed[call.backend] ??= new Set();
      observed[call.backend]?.add(call.api);
    }
  }
  const results = JSON.parse(readFileSync(out, 'utf8'));
  const day = new Date().toISOString().slice(0, 10);
  writeFileSync(path.join(ROOT, 'docs', 'fidelity.md'), fidelityDoc(checksSection(results, day), observed));
  console.info('Wrote docs/fidelity.md');
}
