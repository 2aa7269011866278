import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COGNITO_LOCAL_GAPS, MOTO_GAPS } from '../../local/emulators/gaps';
import { docSection } from '../../scripts/bench-doc';
import { cognitoApisCalled, gapSection } from '../../scripts/fidelity-doc';

const doc = readFileSync(path.join(__dirname, '..', '..', 'docs', 'fidelity.md'), 'utf8');

describe('docs/fidelity.md (npm run docs:fidelity)', () => {
  it('lists every gap of both emulators, with the reason the skips give, as local/emulators/ has them', () => {
    expect(docSection('docs/fidelity.md', 'Gaps').trimEnd()).toBe(gapSection().trimEnd());
    for (const reason of [...Object.values(COGNITO_LOCAL_GAPS), ...Object.values(MOTO_GAPS)])
      expect(doc).toContain(reason);
  });

  it('has a row for every Cognito API the adapters and the callers around the API call', () => {
    const apis = cognitoApisCalled().map(({ api }) => api);
    expect(apis).toEqual(expect.arrayContaining(['InitiateAuth', 'AdminUserGlobalSignOut', 'RevokeToken']));
    for (const api of apis) expect(doc).toMatch(new RegExp(`^\\| \`${api}\` \\|`, 'm'));
  });

  it('comes from a run in which no check failed on any backend', () => {
    expect(docSection('docs/fidelity.md', 'Checks')).toMatch(/; failed 0\.\n/);
    expect(doc).not.toMatch(/\| failed \|/);
  });
});
