import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');
/** Where a repository path may start, as the docs name them. */
const TOP =
  /^(?:\.ci|bin|docs|lambdas|lib|local|scripts|test)\/|^(?:package\.json|README\.md|CONTRIBUTING\.md|CHANGELOG\.md|LICENSE|cdk\.json|jest\.config\.ts|biome\.json|tsconfig\.json|\.env\.example)$/;

function markdown(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return markdown(rel);
    return name.endsWith('.md') ? [rel] : [];
  });
}

/** Repository paths a document names: in backticks, or as a relative link. */
function namedPaths(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const found = new Set<string>();
  for (const [, token] of text.matchAll(/`([^`\s]+)`/g)) {
    const clean = (token as string)
      .replace(/[.,:;)]+$/, '')
      .replace(/#.*$/, '')
      .replace(/:\d+$/, '');
    if (TOP.test(clean)) found.add(clean);
  }
  for (const [, link] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:|^#/.test(link as string)) continue;
    const rel = path.normalize(path.join(path.dirname(file), (link as string).replace(/#.*$/, '')));
    found.add(rel);
  }
  // Patterns and placeholders (<area>, *, {userId}, ...) name no single file.
  return [...found].filter((p) => !/[<>*{}$[\]]|\.\.\./.test(p));
}

describe('paths named in README and docs', () => {
  it('exist in the repository', () => {
    const docs = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...markdown('docs')];
    // The docs name a few hundred paths; far fewer would mean the scan stopped seeing them.
    expect(docs.flatMap(namedPaths).length).toBeGreaterThan(200);
    const missing = docs.flatMap((doc) =>
      namedPaths(doc)
        .filter((p) => !existsSync(path.join(root, p)) && !existsSync(path.join(root, path.dirname(doc), p)))
        .map((p) => `${doc}: ${p}`),
    );
    expect(missing).toEqual([]);
  });
});
