import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ERROR_CODES } from '../lambdas/core/http/error-table';
import { OPERATION_LIST } from '../lambdas/operations';

const ACCESS: Record<string, string> = {
  public: 'public',
  user: 'user (access token)',
  admin: 'admin (access token + `admin` group)',
  webhook: 'webhook (HMAC signature)',
};

/** docs/routes.md, generated from the operation registry (`npm run docs:routes`). */
export function routeDocs(): string {
  const rows = OPERATION_LIST.map((op) => {
    const iam = [
      ...(op.permissions.cognito ?? []),
      ...Object.entries(op.permissions.tables ?? {}).flatMap(([table, actions]) =>
        actions.map((a) => `dynamodb:${a} (${table})`),
      ),
      ...(op.permissions.secrets ?? []).map((s) => `secretsmanager:GetSecretValue (${s})`),
    ];
    return `| \`${op.method} ${op.path}\` | \`${op.name}\` | ${ACCESS[op.access]} | ${op.summary} | ${iam.length > 0 ? iam.map((a) => `\`${a}\``).join('<br>') : 'none'} | \`lambdas/${op.entry}\` |`;
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
    '| route | operation | who | does | IAM actions | handler |',
    '|---|---|---|---|---|---|',
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
