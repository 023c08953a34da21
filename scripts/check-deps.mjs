#!/usr/bin/env node
// The module-boundary check (.dependency-cruiser.cjs): prints every forbidden import and exits 1 if there is one.
// Usage: node scripts/check-deps.mjs            (the repository's src/)
//        checkDependencies({ root, paths })     (scripts/check-deps.test.ts runs it on a fixture tree)
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = createRequire(import.meta.url)(path.join(REPO, '.dependency-cruiser.cjs'));
const TESTS = ['\\.test\\.tsx?$', '\\.testing\\.ts$', '^src/testing/'];

/** The violations in `paths` under `root`: `{ rule, from, to, cycle? }`, sorted. */
export async function checkDependencies({ root = REPO, paths = ['src'] } = {}) {
  const folderRules = config.forbidden.filter((r) => r.scope === 'folder');
  const moduleRules = config.forbidden.filter((r) => r.scope !== 'folder');
  const run = async (forbidden, exclude) => {
    const options = {
      ...config.options, baseDir: root, validate: true, ruleSet: { forbidden }, outputType: 'json',
      exclude: { path: [config.options.exclude.path, ...exclude].flat() },
    };
    const previous = process.cwd();
    process.chdir(root);
    try {
      const result = await cruise(paths, options);
      const output = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;
      return output.summary.violations;
    } finally {
      process.chdir(previous);
    }
  };
  // imports are checked on everything; cycles between module folders on the production code only
  const violations = [...await run(moduleRules, []), ...await run(folderRules, TESTS)];
  return violations.map((v) => ({
    rule: v.rule.name, from: v.from, to: v.to, ...(v.cycle ? { cycle: v.cycle.map((c) => c.name ?? c) } : {}),
  })).sort((a, b) => `${a.rule} ${a.from} ${a.to}`.localeCompare(`${b.rule} ${b.from} ${b.to}`));
}

export function describeViolation(v) {
  return v.cycle ? `${v.rule}: ${v.from} → ${v.cycle.join(' → ')}` : `${v.rule}: ${v.from} imports ${v.to}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const violations = await checkDependencies();
  for (const v of violations) console.error(describeViolation(v));
  if (violations.length > 0) {
    console.error(`\n${violations.length} forbidden import(s): see .dependency-cruiser.cjs and docs/ARCHITECTURE.md`);
    process.exit(1);
  }
  console.log('module boundaries: ok');
}
