import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { resetMemoryWorld } from '../../lambdas/core/adapters/memory/world';
import { ADMIN_ACTIONS } from '../../lambdas/core/workflows/admin-users/user-action';
import { OPERATION_LIST } from '../../lambdas/operations';
import { CONSOLE_CSP } from '../../local/console';
import { createLocalServer } from '../../local/server';
import { clientTypesText, openApiText } from '../../scripts/openapi';

const root = path.join(__dirname, '..', '..');
const committed = readFileSync(path.join(root, 'docs', 'openapi.json'), 'utf8');

/** A real OpenAPI 3.1 validator from the npm registry (ESM: run in its own Node process). */
async function validate(file: string): Promise<{ valid: boolean; errors?: unknown }> {
  const script = `import { Validator } from '@seriousme/openapi-schema-validator';
    const v = new Validator(); const r = await v.validate(${JSON.stringify(file)});
    process.stdout.write(JSON.stringify({ ...r, version: v.version }));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
  });
  return JSON.parse(stdout);
}

describe('docs/openapi.json', () => {
  it('is current with the operation registry (run `npm run docs:openapi` after changing it)', () => {
    expect(committed).toBe(openApiText());
  });

  it('is what client/api.d.ts was generated from (run `npm run docs:openapi`: it writes both)', () => {
    const types = readFileSync(path.join(root, 'client', 'api.d.ts'), 'utf8');
    expect(types).toBe(clientTypesText(path.join(root, 'docs', 'openapi.json')));
    expect(types).toContain('Tokens: {');
  });

  it('is valid OpenAPI 3.1, and the validator does refuse a broken copy', async () => {
    await expect(validate(path.join(root, 'docs', 'openapi.json'))).resolves.toMatchObject({
      valid: true,
      version: '3.1',
    });
    const broken = JSON.parse(committed);
    delete broken.paths['/me'].get.responses;
    broken.paths['/me'].get.parameters = [{ name: 'x' }];
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'openapi-')), 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    await expect(validate(file)).resolves.toMatchObject({ valid: false });
  });

  it('describes every operation: method, security, body schema, error codes, Idempotency-Key', () => {
    const doc = JSON.parse(committed);
    for (const op of OPERATION_LIST) {
      const entry = doc.paths[op.path]?.[op.method.toLowerCase()];
      expect({ op: op.name, id: entry?.operationId }).toEqual({ op: op.name, id: op.name });
      expect(entry.security).toEqual(
        op.access === 'user' || op.access === 'admin' ? [{ accessToken: [] }] : [],
      );
      if (op.body)
        expect(Object.keys(entry.requestBody.content['application/json'].schema).length).toBeGreaterThan(0);
      expect(entry.responses['400']).toEqual({ $ref: '#/components/responses/E400' });
    }
    expect(doc.components.responses.E409.description).toContain('CANNOT_TARGET_SELF');
    const admins = doc.paths['/admins'].post.parameters.map((p: { name: string }) => p.name);
    expect(admins).toContain('Idempotency-Key');
  });
});

describe('the local server: /openapi.json and the console', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    resetMemoryWorld();
    server = createLocalServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('serves the OpenAPI description at GET /openapi.json', async () => {
    const response = await fetch(`${base}/openapi.json`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(committed));
  });

  it('serves the console page, its script and style, with the strict CSP and no inline script', async () => {
    for (const [file, type] of [
      ['/console', 'text/html'],
      ['/console/console.js', 'text/javascript'],
      ['/console/dom.js', 'text/javascript'],
      ['/console/console.css', 'text/css'],
      ['/console/favicon.svg', 'image/svg+xml'],
      ['/favicon.ico', 'image/svg+xml'],
    ] as const) {
      const response = await fetch(`${base}${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain(type);
      expect(response.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
    const page = await (await fetch(`${base}/console`)).text();
    expect(page).not.toMatch(/<script>(?!<)|<script(?![^>]*\bsrc=)[^>]*>|\son\w+=/);
    expect(CONSOLE_CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    const scripts = await Promise.all(
      ['console.js', 'dom.js'].map(async (file) => (await fetch(`${base}/console/${file}`)).text()),
    );
    const script = scripts.join('\n').replace(/^\s*\/\/.*$/gm, '');
    expect(script).not.toMatch(/localStorage|sessionStorage|document\.cookie|innerHTML/);
    // The page is static (no build step), so it lists the admin actions itself: the same as the API's.
    const listed = /const ACTIONS = '([^']*)'\.split\(' '\)/.exec(script)?.[1]?.split(' ');
    expect(listed).toEqual([...ADMIN_ACTIONS]);
  });
});
