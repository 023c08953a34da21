import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDependencies, describeViolation } from './check-deps.mjs';

/** A small tree shaped like src/: two modules and platform, written fresh for each case. */
let root: string;
function tree(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(root, 'case-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}
const CLEAN = {
  'src/platform/errors.ts': 'export class AppError extends Error {}\n',
  'src/modules/people/store.ts': "export const findPerson = (id: string) => id;\n",
  'src/modules/people/index.ts': "export { findPerson } from './store.ts';\n",
  'src/modules/people/fixtures.testing.ts': "export const buildPerson = () => 'p';\n",
  'src/modules/records/service.ts': "import { findPerson } from '../people/index.ts';\nimport { AppError } from '../../platform/errors.ts';\nexport const recordOf = (id: string) => { if (!id) throw new AppError(); return findPerson(id); };\n",
  'src/modules/records/index.ts': "export { recordOf } from './service.ts';\n",
  'src/modules/records/records.test.ts': "import { buildPerson } from '../people/fixtures.testing.ts';\nimport { recordOf } from './index.ts';\nrecordOf(buildPerson());\n",
};

beforeAll(() => { root = mkdtempSync(path.join(os.tmpdir(), 'check-deps-')); });
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the module-boundary check', () => {
  it('passes modules that use each other through index.ts, and tests that use fixtures', async () => {
    expect(await checkDependencies({ root: tree(CLEAN) })).toEqual([]);
  });

  it('names a deliberate import into another module\'s store.ts', async () => {
    const dir = tree({ ...CLEAN, 'src/modules/records/deep.ts': "import { findPerson } from '../people/store.ts';\nexport const deep = findPerson;\n" });
    const violations = await checkDependencies({ root: dir });
    expect(violations.map(describeViolation)).toEqual(['no-deep-import: src/modules/records/deep.ts imports src/modules/people/store.ts']);
  });

  it('finds a cycle between module folders, platform importing a module, and a model.ts reaching the database', async () => {
    const dir = tree({
      ...CLEAN,
      'src/modules/people/service.ts': "import { recordOf } from '../records/index.ts';\nexport const personRecord = recordOf;\n",
      'src/platform/registry.ts': "import { recordOf } from '../modules/records/index.ts';\nexport const all = [recordOf];\n",
      'src/modules/people/model.ts': "import '../../platform/db/database.ts';\nexport const pure = 1;\n",
      'src/platform/db/database.ts': 'export const open = () => null;\n',
    });
    const rules = (await checkDependencies({ root: dir })).map((v) => `${v.rule} ${v.from}`);
    expect(rules).toEqual(expect.arrayContaining([
      'model-is-pure src/modules/people/model.ts',
      'platform-not-modules src/platform/registry.ts',
    ]));
    expect(rules.some((r) => r.startsWith('no-module-cycle src/modules/'))).toBe(true);
  });
});
