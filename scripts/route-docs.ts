import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ERROR_CODES } from '../lambdas/core/http/error-table';
import { OPERATION_LIST } from '../lambdas/operations';

const ACCESS: Record<string, string> = {
  public: 'public',
  user: 'user (access token)',
  admin: 'admin (access token + `admin` group)',
  webhook: 'webhook (HMAC signature)',
};

const root = path.join(__dirname, '..');

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    return statSync(path.join(root, rel)).isDirectory() ? files(rel) : /\.ts$/.test(name) ? [rel] : [];
  });
}

/** The use case files a handler imports (`lambdas/core/workflows/...`). */
function useCasesOf(entry: string): string[] {
  const handler = readFileSync(path.join(root, 'lambdas', entry), 'utf8');
  return [...handler.matchAll(/from '\.\.\/core\/(workflows\/[\w/-]+)'/g)].map(
    (m) => `lambdas/core/${m[1]}.ts`,
  );
}

/**
 * The operation's own test files first (`test/unit/<area>/<operation>[.<aspect>].test.ts`,
 * the layering test keeps one for every operation), then every other test file naming it
 * (`'<name>'`, e.g. as `call('<name>', ...)`).
 */
function testsOf(
  entry: string,
  name: string,
  tests: ReadonlyArray<{ file: string; text: string }>,
): string[] {
  const own = `test/unit/${entry.replace(/\.ts$/, '')}`;
  const isOwn = (file: string) =>
    file === `${own}.test.ts` || /^\.[\w-]+\.test\.ts$/.test(file.slice(own.length));
  const mine = tests.filter((t) => t.file.startsWith(own) && isOwn(t.file)).map((t) => t.file);
  const others = tests
    .filter((t) => !mine.includes(t.file) && t.text.includes(`'${name}'`))
    .map((t) => t.file);
  return [...mine, ...others];
}

const cell = (paths: string[]) => (paths.length > 0 ? paths.map((p) => `\`${p}\``).join('<br>') : '—');

/** docs/routes.md, generated from the operation registry (`npm run docs:routes`). */
export function routeDocs(): string {
  const tests = files('test')
    .sort()
    .map((file) => ({ file, text: readFileSync(path.join(root, file), 'utf8') }));
  const rows = OPERATION_LIST.map((op) => {
    const iam = [
      ...(op.permissions.cognito ?? []),
      ...Object.entries(op.permissions.tables ?? {}).flatMap(([table, actions]) =>
        actions.map((a) => `dynamodb:${a} (${table})`),
      ),
      ...(op.permissions.secrets ?? []).map((s) => `secretsmanager:GetSecretValue (${s})`),
    ];
    return `| \`${op.method} ${op.path}\` | \`${op.name}\` | ${ACCESS[op.access]} | ${op.summary} | ${iam.length > 0 ? iam.map((a) => `\`${a}\``).join('<br>') : 'none'} | \`lambdas/${op.entry}\`<br>row: \`lambdas/${op.entry.split('/')[0]}/operations.ts\` | ${cell(useCasesOf(op.entry))} | ${cell(testsOf(op.entry, op.name, tests))} |`;
  });
  return [
    '# Routes',
    '',
    '<!-- Generated from lambdas/operations.ts by `npm run docs:routes`; a test fails when it is stale. -->',
    '',
    'Each row is one Lambda function. The IAM column is the whole policy of that',
    "function besides writing its own log group; Cognito actions are scoped to the pool's ARN,",
    'DynamoDB actions to the named table (and its email index for `Query`).',
    '',
    "The handler column also names the registry file holding the operation's row. The last",
    'two columns are where to read and change an operation: the use case',
    'files its handler imports, and its tests: its own files first',
    '(`test/unit/<area>/<operation>[.<aspect>].test.ts`), then the other test files that name it.',
    '',
    '| route | operation | who | does | IAM actions | handler | use case | tests |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    '## Error codes the handlers can answer',
    '',
    ...ERROR_CODES.map((c) => `- \`${c}\``),
    '',
  ].join('\n');
}

if (require.main === module) {
  const target = path.join(__dirname, '..', 'docs', 'routes.md');
  writeFileSync(target, routeDocs());
  console.info(`wrote ${path.relative(process.cwd(), target)}`);
}
