import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error a plain ES module script without types (scripts/ is JavaScript run by node)
import { buildWebIfStale } from '../scripts/build-web.mjs';

declare module 'vitest' {
  export interface ProvidedContext { demoDataDir: string }
}

/**
 * Before any browser test file starts the app: the web app is built once (two test files building it at the same
 * time on two cores raced and ran out of time), and one data folder with the demo province is prepared, which each
 * file that wants the plain demo copies instead of migrating and loading it again (support.ts startApp).
 */
export default function setup(project: TestProject) {
  if ((buildWebIfStale as () => number)() !== 0) throw new Error('the web app did not build');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-e2e-demo-'));
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/seed.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', DEMO_DATA: 'true' }, encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`the demo data folder could not be prepared:\n${seeded.stdout}\n${seeded.stderr}`);
  project.provide('demoDataDir', dataDir);
  return () => fs.rmSync(dataDir, { recursive: true, force: true });
}
