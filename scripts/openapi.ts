import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { openApiDocument } from '../local/openapi';

const root = path.join(__dirname, '..');

/** docs/openapi.json, generated from the operation registry (`npm run docs:openapi`). */
export function openApiText(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}

/**
 * client/api.d.ts: TypeScript types of `document` (a path to an OpenAPI file),
 * written by openapi-typescript, the generator the client module is built on.
 */
export function clientTypesText(document: string): string {
  const cli = path.join(root, 'node_modules', '.bin', 'openapi-typescript');
  return execFileSync(cli, [document], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

if (require.main === module) {
  const document = path.join(root, 'docs', 'openapi.json');
  writeFileSync(document, openApiText());
  writeFileSync(path.join(root, 'client', 'api.d.ts'), clientTypesText(document));
  console.info('Wrote docs/openapi.json and client/api.d.ts');
}
