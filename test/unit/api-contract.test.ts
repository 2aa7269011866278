import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ERROR_CODES } from '../../lambdas/core/http/error-table';
import { OPERATION_LIST } from '../../lambdas/operations';

/**
 * docs/api.md is the project's HTTP contract. Where it lists routes and
 * error codes, it must say exactly what the registry and the error table do.
 */
const contract = readFileSync(path.join(__dirname, '..', '..', 'docs', 'api.md'), 'utf8');

/** The rows of the first table whose header starts with `header`. */
function tableRows(header: string): string[][] {
  const lines = contract.split('\n');
  const start = lines.findIndex((l) => l.startsWith(header));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

describe('docs/api.md, the HTTP contract', () => {
  it('lists every route of the registry, and no other', () => {
    const documented = tableRows('| method path |').map((row) => (row[0] ?? '').replace(/`/g, ''));
    const registry = OPERATION_LIST.map((op) => `${op.method} ${op.path}`);
    expect([...documented].sort()).toEqual([...registry].sort());
  });

  it("lists every error code of the error table and the gateway's own, and no other", () => {
    const documented = tableRows('| status | code | when |').flatMap(([status, codes]) =>
      [...(codes ?? '').matchAll(/`([A-Z_]+)`/g)].map((m) => `${status} ${m[1]}`),
    );
    const gatewayOnly = ['4xx BAD_REQUEST'];
    expect([...documented].sort()).toEqual([...ERROR_CODES, ...gatewayOnly].sort());
  });
});
