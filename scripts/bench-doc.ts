import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');

/** The `## <heading>` section of a doc (a path from the project root) as it stands ('' when there is none). */
export function docSection(file: string, heading: string): string {
  const doc = readFileSync(path.join(ROOT, file), 'utf8');
  const start = doc.indexOf(`\n## ${heading}\n`);
  if (start < 0) return '';
  const next = doc.indexOf('\n## ', start + 1);
  return doc.slice(start + 1, next < 0 ? doc.length : next + 1);
}

/**
 * Replaces the `## <heading>` section of a doc with `section` (which starts
 * with that heading), keeping every other section; a section not there yet
 * goes before `## <before>`, or at the end.
 */
export function writeDocSection(file: string, heading: string, section: string, before?: string): void {
  const full = path.join(ROOT, file);
  const doc = readFileSync(full, 'utf8');
  const start = doc.indexOf(`\n## ${heading}\n`);
  const next = start < 0 ? -1 : doc.indexOf('\n## ', start + 1);
  const at = before ? doc.indexOf(`\n## ${before}`) : -1;
  const from = start >= 0 ? start : at >= 0 ? at : doc.length;
  const to = start < 0 ? from : next < 0 ? doc.length : next;
  writeFileSync(full, `${doc.slice(0, from).trimEnd()}\n\n${section.trimEnd()}\n${doc.slice(to)}`);
}

/** `writeDocSection` on docs/benchmarks.md. */
export function writeBenchSection(heading: string, section: string, before: string): void {
  writeDocSection('docs/benchmarks.md', heading, section, before);
}
