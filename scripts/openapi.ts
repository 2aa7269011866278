import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { openApiDocument } from '../local/openapi';

/** docs/openapi.json, generated from the operation registry (`npm run docs:openapi`). */
export function openApiText(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(path.join(__dirname, '..', 'docs', 'openapi.json'), openApiText());
  console.info('Wrote docs/openapi.json');
}
