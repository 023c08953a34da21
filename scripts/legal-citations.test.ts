import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The law's notes live in docs/legal/, and code cites them as `docs/legal/<page>.md#<anchor>`. A citation
 * to a page or an anchor that does not exist, or to the shared notes that were never in the repository, fails
 * here. (The old name is spelled in two parts below, so that a search for it finds no code at all.)
 */
const OLD_NAME = ['LEGAL', 'md'].join('.');
const ROOT = path.resolve(import.meta.dirname, '..');
const SCANNED = ['src', 'e2e', 'bench', 'scripts', 'migrations', 'docs', 'README.md'];
const EXTENSIONS = /\.(ts|tsx|mts|mjs|js|sql|md)$/;
// a row of data a deployed migration has already written (the base salary from 1/7/2026), and the later
// migration that replaces it where it is still as written (docs/legal/money.md#base-salary)
const KNOWN_DATA = new Set([
  `migrations/0003_records.sql:  ('2026-07-01', 2530000, 'Mức lương cơ sở từ 01/7/2026 (${OLD_NAME})');`,
  `migrations/0024_base_salary_citation.sql:WHERE effective_from = '2026-07-01' AND citation = 'Mức lương cơ sở từ 01/7/2026 (${OLD_NAME})';`,
]);

function filesUnder(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [entry];
  return fs.readdirSync(full, { withFileTypes: true })
    .filter((d) => d.name !== 'node_modules' && !d.name.startsWith('.'))
    .flatMap((d) => (d.isDirectory() ? filesUnder(path.join(entry, d.name)) : EXTENSIONS.test(d.name) ? [path.join(entry, d.name)] : []));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N} -]/gu, '').replace(/ /g, '-');

function anchorsOf(file: string): Set<string> {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const anchors = new Set<string>();
  for (const m of text.matchAll(/id="([^"]+)"/g)) anchors.add(m[1]!);
  for (const m of text.matchAll(/^#+ (.+)$/gm)) anchors.add(slug(m[1]!));
  return anchors;
}

const files = SCANNED.flatMap(filesUnder).map((f) => f.split(path.sep).join('/'));

describe('citations of the law point into the repository', () => {
  it('no file outside docs/legal cites the old notes that are not in the repository', () => {
    const found: string[] = [];
    for (const file of files) {
      fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n').forEach((line, i) => {
        if (line.includes(OLD_NAME) && !KNOWN_DATA.has(`${file}:${line}`) && !file.startsWith('docs/legal/')) found.push(`${file}:${i + 1}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('every docs/legal page and anchor cited exists', () => {
    const broken: string[] = [];
    const check = (from: string, target: string, anchor: string | undefined) => {
      if (!fs.existsSync(path.join(ROOT, target))) broken.push(`${from} → ${target} (no such file)`);
      else if (anchor && !anchorsOf(target).has(anchor)) broken.push(`${from} → ${target}#${anchor} (no such anchor)`);
    };
    let citations = 0;
    for (const file of files) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/docs\/legal(?:\/([\w.-]+\.md))?(?:#([\w-]+))?/g)) {
        citations += 1;
        check(file, m[1] ? `docs/legal/${m[1]}` : 'docs/legal/README.md', m[2]);
      }
      // links between the pages themselves: [text](money.md#formula)
      if (file.startsWith('docs/legal/')) {
        for (const m of text.matchAll(/\]\(([\w.-]+\.md)(?:#([\w-]+))?\)/g)) check(file, `docs/legal/${m[1]}`, m[2]);
      }
    }
    expect(broken).toEqual([]);
    expect(citations).toBeGreaterThan(10);
  });
});
