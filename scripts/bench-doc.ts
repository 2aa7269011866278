import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const FILE = path.join(__dirname, '..', 'docs', 'benchmarks.md');

/**
 * Replaces the `## <heading>` section of docs/benchmarks.md with `section`
 * (which starts with that heading), keeping every other section; a section not
 * there yet goes before `## <before>`.
 */
export function writeBenchSection(heading: string, section: string, before: string): void {
  const doc = readFileSync(FILE, 'utf8');
  const start = doc.indexOf(`\n## ${heading}\n`);
  const from = start < 0 ? doc.indexOf(`\n## ${before}`) : start;
  const next = doc.indexOf('\n## ', from + 1);
  const to = start < 0 ? from : next < 0 ? doc.length : next;
  writeFileSync(FILE, `${doc.slice(0, from).trimEnd()}\n\n${section}${doc.slice(to)}`);
}
