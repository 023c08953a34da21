#!/usr/bin/env node
// `npm test`: type-check, lint, unit and database tests on PGlite, database tests on PostgreSQL (when
// a server answers), browser tests (when Chromium is installed). Every step runs even if an earlier one
// failed. The very last line printed is `N passed, N failed`; the exit status is 1 if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarise } from './summary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const bin = {
  tsc: join(root, 'node_modules/typescript/bin/tsc'),
  eslint: join(root, 'node_modules/eslint/bin/eslint.js'),
  vitest: join(root, 'node_modules/vitest/vitest.mjs'),
};
const CHROMIUM = '/usr/bin/chromium';
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

const steps = [];

function header(title) {
  console.log(`\n${'='.repeat(78)}\n== ${title}\n${'='.repeat(78)}`);
}

/** Run node with a local bin script; returns the exit status (null if killed or not started). */
function runNode(script, args, env = {}) {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd: root, stdio: 'inherit', shell: false, env: { ...process.env, ...env },
  });
  if (result.error) console.error(`could not run ${script}: ${result.error.message}`);
  if (result.signal) console.error(`${script} was killed by ${result.signal}`);
  return result.error ? null : result.status;
}

function check(name, script, args) {
  header(name);
  const status = runNode(script, args);
  steps.push({ name, kind: 'check', status });
}

/** One vitest run; its JSON report (see vitest.config.ts) is test-results/<suites>-<db>.json. */
function vitest(name, { suites, db, extraArgs = [] }) {
  header(name);
  const reportPath = join(root, 'test-results', `${suites}-${db}.json`);
  rmSync(reportPath, { force: true }); // never count a report left over from an earlier run
  const status = runNode(bin.vitest, ['run', ...extraArgs], { TEST_SUITES: suites, TEST_DB: db });
  let report = null;
  if (existsSync(reportPath)) {
    try {
      report = JSON.parse(readFileSync(reportPath, 'utf8'));
    } catch (error) {
      console.error(`could not read ${reportPath}: ${error.message}`);
    }
  } else {
    console.error(`vitest wrote no report at ${reportPath}`);
  }
  steps.push({ name, kind: 'vitest', status, report });
}

function skip(name, reason, fatal = false) {
  header(name);
  console.log(`${name} skipped: ${reason}${fatal ? ' (counted as a failure)' : ''}`);
  steps.push({ name, kind: 'skipped', reason, fatal });
}

/** Resolves to null if something accepts a TCP connection at host:port within the timeout, else to why not. */
function tcpProbe(host, port, timeoutMs) {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const finish = (problem) => { socket.destroy(); resolve(problem); };
    socket.setTimeout(timeoutMs, () => finish(`no answer within ${timeoutMs / 1000} s`));
    socket.once('connect', () => finish(null));
    socket.once('error', (error) => finish(error.code ?? error.message));
  });
}

async function postgresUnavailable(databaseUrl) {
  let url;
  try {
    url = new URL(databaseUrl);
  } catch {
    return 'TEST_DATABASE_URL is not a valid URL';
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1') || 'localhost';
  const port = Number(url.port || 5432);
  const problem = await tcpProbe(host, port, 2000);
  return problem && `nothing answers at ${host}:${port} (${problem})`;
}

// a. type-check
check('Type-check (tsc --noEmit)', bin.tsc, ['--noEmit', '-p', 'tsconfig.json']);

// b. lint
check('Lint (eslint .)', bin.eslint, ['.']);

// b2. module boundaries (dependency-cruiser: no cycles, no deep imports, platform below modules, web over HTTP)
check('Module boundaries (scripts/check-deps.mjs)', join(root, 'scripts/check-deps.mjs'), []);

// c. unit and database tests on PGlite
vitest('Unit and database tests on PGlite', { suites: 'all', db: 'pglite' });

// d. database tests on PostgreSQL, if a server answers
{
  const name = 'Database tests on PostgreSQL';
  const databaseUrl = process.env.TEST_DATABASE_URL || DEFAULT_DATABASE_URL;
  const unavailable = await postgresUnavailable(databaseUrl);
  if (unavailable) {
    skip(name, `${unavailable}; set TEST_DATABASE_URL to a PostgreSQL server to run them`);
  } else {
    vitest(name, { suites: 'db', db: 'postgres' });
  }
}

// e. browser tests, if Chromium is installed (CI must run them)
{
  const name = 'Browser tests (Chromium)';
  if (existsSync(CHROMIUM)) {
    vitest(name, { suites: 'e2e', db: 'pglite', extraArgs: ['--passWithNoTests'] });
  } else {
    const onCi = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());
    skip(name, `Chromium is missing (${CHROMIUM})`, onCi);
  }
}

const summary = summarise(steps);
header('Summary');
for (const line of summary.lines) console.log(line);
if (summary.skipped > 0) console.log(`(${summary.skipped} test(s) marked skip or todo, not counted)`);
console.log(summary.last);
process.exitCode = summary.failed > 0 ? 1 : 0;
