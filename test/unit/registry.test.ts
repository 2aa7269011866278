import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { GATE_PERMISSIONS } from '../../lambdas/core/http/caller-gate';
import { OPERATION_LIST, OPERATIONS } from '../../lambdas/operations';
import { TRIGGER_LIST, TRIGGERS } from '../../lambdas/triggers';

const lambdas = path.join(__dirname, '..', '..', 'lambdas');

describe('the operation registry', () => {
  it.each(Object.entries(OPERATIONS))('row %s is named by its key and lives in its area', (key, op) => {
    const area = op.entry.split('/')[0] as string;
    expect(op.name).toBe(key);
    expect(existsSync(path.join(lambdas, op.entry))).toBe(true);
    expect(existsSync(path.join(lambdas, area, 'operations.ts'))).toBe(true);
    expect(op.path.startsWith('/')).toBe(true);
  });

  it.each(OPERATION_LIST.map((op) => [op.name, op] as const))(
    '%s: its row lists exactly the success statuses its handler answers',
    (_name, op) => {
      const handler = readFileSync(path.join(lambdas, op.entry), 'utf8');
      const answered = [...handler.matchAll(/status: (\d{3})\b/g)].map((m) => Number(m[1]));
      expect([...new Set(answered)].sort()).toEqual(Object.keys(op.success).map(Number).sort());
    },
  );

  it('has one row per method and path, and one handler file per row', () => {
    const routes = OPERATION_LIST.map((op) => `${op.method} ${op.path}`);
    const entries = OPERATION_LIST.map((op) => op.entry);
    expect(new Set(routes).size).toBe(routes.length);
    expect(new Set(entries).size).toBe(entries.length);
  });

  it('gives every path parameter a schema, and no schema to a parameter the path lacks', () => {
    const mismatched = OPERATION_LIST.flatMap((op) => {
      const inPath = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
      const inSchema = Object.keys(op.params?.def.shape ?? {}).sort();
      return inPath.join(',') === inSchema.join(',') ? [] : [`${op.name}: ${inPath} vs ${inSchema}`];
    });
    expect(mismatched).toEqual([]);
  });

  it('lists no permission twice', () => {
    const repeated = OPERATION_LIST.flatMap((op) => {
      const cognito = op.permissions.cognito ?? [];
      const tables = Object.values(op.permissions.tables ?? {}) as (readonly string[])[];
      const lists = [cognito, ...tables];
      return lists.some((l) => new Set(l).size !== l.length) ? [op.name] : [];
    });
    expect(repeated).toEqual([]);
  });
});

describe('the trigger registry', () => {
  it.each(Object.entries(TRIGGERS))(
    'row %s is named by its key, with a handler under triggers/',
    (key, row) => {
      expect(row.name).toBe(key);
      expect(row.entry.startsWith('triggers/')).toBe(true);
      expect(existsSync(path.join(lambdas, row.entry))).toBe(true);
    },
  );

  it('has at most one function per pool trigger, as a LambdaConfig does', () => {
    const triggers = TRIGGER_LIST.map((row) => row.trigger);
    expect(new Set(triggers).size).toBe(triggers.length);
  });

  it('shares no handler file with an operation', () => {
    const operationEntries = new Set(OPERATION_LIST.map((op) => op.entry));
    expect(TRIGGER_LIST.filter((row) => operationEntries.has(row.entry))).toEqual([]);
  });
});

describe('the caller gate in the registry', () => {
  it.each(
    OPERATION_LIST.filter((op) => op.access === 'user' || op.access === 'admin').map(
      (op) => [op.name, op] as const,
    ),
  )('%s may read what its caller gate reads', (_name, op) => {
    const needs = GATE_PERMISSIONS[op.access as 'user' | 'admin'];
    expect(op.permissions.cognito ?? []).toEqual(expect.arrayContaining([...needs.cognito]));
    expect(op.permissions.tables?.users ?? []).toEqual(expect.arrayContaining([...needs.users]));
  });
});
