import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { routeDocs } from '../../scripts/route-docs';

describe('docs/routes.md', () => {
  it('is current with the operation registry (run `npm run docs:routes` after changing it)', () => {
    const committed = readFileSync(path.join(__dirname, '..', '..', 'docs', 'routes.md'), 'utf8');
    expect(committed).toBe(routeDocs());
  });
});
