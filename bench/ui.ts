// Benchmark: the first page in a browser. Starts the built app (`npm start`'s script, PGlite, the demo province) and
// drives Debian's Chromium (/usr/bin/chromium, playwright-core) with an empty cache each time:
//   npx tsx bench/ui.ts [runs=10] [root=.]
// Each run loads the sign-in page, signs in and waits for the dashboard (bytes of JS and CSS the browser received
// for each, as the server sent them: brotli when compressed), then opens the dashboard again signed in with a cold
// cache and times it to the dashboard's content (app); bare is fetching index.html alone. Also prints the gzip size
// of the first page read from the build's manifest (scripts/web-size.mjs). `root` serves another checkout's build
// (e.g. main's, for a before/after).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { loadCost } from '../scripts/web-size.mjs';
import { benchLine, spread, timeRuns } from './report.ts';

const RUNS = Number(process.argv[2] ?? 10);
const ROOT = path.resolve(process.argv[3] ?? '.');
const USER = 'canbo.sgd';
const PASSWORD = 'thidua2026'; // the demo accounts' (e2e/support.ts DEMO_PASSWORD)

const port = await new Promise<number>((resolve) => {
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address() as net.AddressInfo;
    probe.close(() => resolve(free));
  });
});
const baseUrl = `http://127.0.0.1:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-ui-'));
const server = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], {
  cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '' },
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'],
});
try {
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the app exited (${server.exitCode})`);
    if (await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error('the app did not start in time');
    await new Promise((r) => setTimeout(r, 500));
  }

  /** Counts the encoded bytes of the scripts and style sheets a page receives until `stop` is called. */
  const countBytes = (page: Page) => {
    const pending: Promise<number>[] = [];
    page.on('requestfinished', (request) => {
      if (['script', 'stylesheet'].includes(request.resourceType())) pending.push(request.sizes().then((s) => s.responseBodySize));
    });
    return async () => (await Promise.all(pending.splice(0))).reduce((a, b) => a + b, 0);
  };

  const signInBytes: number[] = [];
  const dashboardBytes: number[] = [];
  let storage: Awaited<ReturnType<Awaited<ReturnType<typeof browser.newContext>>['storageState']>> | undefined;
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const bytes = countBytes(page);
    await page.goto(`${baseUrl}/dang-nhap`, { waitUntil: 'networkidle' });
    signInBytes.push(await bytes());
    await page.getByTestId('login-username').fill(USER);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('dashboard').waitFor();
    await page.waitForLoadState('networkidle');
    dashboardBytes.push(await bytes());
    storage = await context.storageState();
    await context.close();
  }

  // the dashboard opened signed in, cold cache: to its content
  const app = await timeRuns(RUNS, async () => {
    const context = await browser.newContext({ storageState: storage! });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.getByTestId('dashboard').waitFor();
    await context.close();
  });
  const bare = await timeRuns(RUNS, async () => { await (await fetch(`${baseUrl}/`, { headers: { 'accept-encoding': 'br' } })).arrayBuffer(); });

  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
  console.log(`sign-in page: ${kb(signInBytes[0]!)} of JS and CSS received; then the dashboard: ${kb(dashboardBytes[0]!)} more`);
  const dist = path.join(ROOT, 'dist/web');
  if (fs.existsSync(path.join(dist, '.vite/manifest.json'))) {
    console.log(`gzip (manifest): sign-in ${kb(loadCost(dist, ['features/auth/LoginPage.tsx']).total)}, dashboard ${kb(loadCost(dist, ['features/home/HomePage.tsx']).total)}`);
  }
  console.log(`dashboard, signed in, cold cache: ${spread(app)}; index.html alone: ${spread(bare)}`);
  benchLine('ui', app, bare);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
