import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sources(rel);
    return /\.(ts|js)$/.test(name) ? [rel] : [];
  });
}

/** Every relative import of `file`, resolved to a path from the repository root. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((m) => m[1] as string);
  return specifiers.map((s) => path.normalize(path.join(path.dirname(file), s)));
}

function violations(files: string[], forbidden: (target: string) => boolean): string[] {
  return files.flatMap((file) =>
    importsOf(file)
      .filter(forbidden)
      .map((target) => `${file} -> ${target}`),
  );
}

const HANDLER_AREA = /^lambdas\/(?!core\/)[^/]+\/(?!operations$)/;

describe('layering (DESIGN.md "Dependencies point one way")', () => {
  it('keeps core/ free of handlers, triggers, lib/ and local/', () => {
    const bad = violations(
      sources('lambdas/core'),
      (t) =>
        HANDLER_AREA.test(t) ||
        /^lambdas\/(operations|triggers)$/.test(t) ||
        /^(lib|local|scripts)\//.test(t),
    );
    expect(bad).toEqual([]);
  });

  it('keeps workflows free of the composition root and HTTP', () => {
    const bad = violations(sources('lambdas/core/workflows'), (t) =>
      /^lambdas\/core\/(deps$|deps\/|http\/)/.test(t),
    );
    expect(bad).toEqual([]);
  });

  it('reads MOCK_MODE only in the composition root (lambdas/core/deps.ts)', () => {
    const readers = sources('lambdas').filter(
      (f) => f !== 'lambdas/core/deps.ts' && readFileSync(path.join(root, f), 'utf8').includes('MOCK_MODE'),
    );
    expect(readers).toEqual([]);
  });

  it('keeps adapters off presets and registry modules (their ports are in core/ports/)', () => {
    const bad = violations(sources('lambdas/core/adapters'), (t) =>
      /^lambdas\/(core\/(trigger\/|http\/preset$|operation-definition$)|operations$|triggers$)/.test(t),
    );
    expect(bad).toEqual([]);
  });

  it('keeps use cases by area: core/workflows/<area>/<operation>.ts mirrors lambdas/<area>/<operation>.ts', () => {
    const workflows = path.join(root, 'lambdas', 'core', 'workflows');
    const misplaced = readdirSync(workflows).flatMap((area) => {
      if (!statSync(path.join(workflows, area)).isDirectory())
        return [`lambdas/core/workflows/${area}: not in an area`];
      if (['common', 'triggers', 'operators'].includes(area)) return [];
      return readdirSync(path.join(workflows, area))
        .filter((file) => !readdirSync(path.join(root, 'lambdas', area)).includes(file))
        .map((file) => `lambdas/core/workflows/${area}/${file}: no operation lambdas/${area}/${file}`);
    });
    expect(misplaced).toEqual([]);
  });

  it('keeps tests by operation: test/unit/<area>/<operation>[.<aspect>].test.ts for lambdas/<area>/<operation>.ts', () => {
    const operations = sources('lambdas').filter((f) =>
      /^lambdas\/(?!core\/)[^/]+\/(?!operations\.ts$)[^/]+\.ts$/.test(f),
    );
    const tests = new Set(sources('test/unit'));
    const untested = operations
      .map((f) => f.replace(/^lambdas\//, 'test/unit/').replace(/\.ts$/, '.test.ts'))
      .filter((t) => !tests.has(t));
    const areas = new Set(operations.map((f) => f.split('/')[1]));
    const stray = [...tests].filter((t) => {
      const [, , area, file] = t.split('/');
      if (!area || !areas.has(area) || !file) return false;
      const operation = file.replace(/(\.[\w-]+)?\.test\.ts$/, '');
      return !operations.includes(`lambdas/${area}/${operation}.ts`);
    });
    expect({ untested, stray }).toEqual({ untested: [], stray: [] });
  });

  it("names each handler's use case file in its first comment", () => {
    const stale = sources('lambdas')
      .filter((f) => HANDLER_AREA.test(f.replace(/\.ts$/, '')))
      .flatMap((f) => {
        const text = readFileSync(path.join(root, f), 'utf8');
        const used = [...text.matchAll(/from '\.\.\/core\/(workflows\/[\w/-]+)'/g)].map(
          (m) => `core/${m[1]}.ts`,
        );
        return used.length > 0 && !used.some((u) => text.includes(u)) ? [`${f}: ${used.join(', ')}`] : [];
      });
    expect(stale).toEqual([]);
  });

  it('never lets the memory fakes import a trigger handler', () => {
    const bad = violations(sources('lambdas/core/adapters/memory'), (t) => t.startsWith('lambdas/triggers'));
    expect(bad).toEqual([]);
  });

  it('keeps the response schemas (lambdas/responses*.ts) out of every function bundle', () => {
    // They are documentation and test oracles; a handler importing them would carry every area's schemas.
    const RESPONSE_FILE = /^lambdas\/responses(-[a-z]+)?(\.ts)?$/;
    const others = sources('lambdas').filter((f) => !RESPONSE_FILE.test(f));
    const bad = violations(others, (t) => RESPONSE_FILE.test(t));
    expect(bad).toEqual([]);
  });

  it('lets scripts use workflows and deps, never a handler', () => {
    const bad = violations(sources('scripts'), (t) => HANDLER_AREA.test(t));
    expect(bad).toEqual([]);
  });

  it('keeps every source file in lambdas/, lib/, local/ and scripts/ within 250 lines, handlers within 40', () => {
    const all = ['lambdas', 'lib', 'local', 'scripts'].flatMap(sources);
    const lines = (f: string) => readFileSync(path.join(root, f), 'utf8').split('\n').length;
    const long = all.filter((f) => lines(f) > 250).map((f) => `${f}: ${lines(f)}`);
    const handlers = all.filter((f) => HANDLER_AREA.test(f.replace(/\.ts$/, '')));
    const longHandlers = handlers.filter((f) => lines(f) > 40).map((f) => `${f}: ${lines(f)}`);
    expect({ long, longHandlers }).toEqual({ long: [], longHandlers: [] });
  });
});
