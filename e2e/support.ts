import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, inject } from 'vitest';

/**
 * Browser tests drive the real thing: `npm start`'s script on a free port with a fresh data folder
 * (PGlite, demo data), and Debian's Chromium through playwright-core. No browser is downloaded.
 */
export interface RunningApp { baseUrl: string; dataDir: string; stop(options?: { keepData?: boolean }): Promise<void>; output(): string }

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * A new data folder: a copy of the demo province prepared once by e2e/global-setup.ts when the app would load the
 * same demo on the same clock, else empty (another CLOCK_START gives another demo; DEMO_DATA=false none).
 */
function freshDataDir(env: Record<string, string> | undefined): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-e2e-'));
  const template = inject('demoDataDir');
  if (template && !env?.CLOCK_START && !env?.DEMO_DATA && !env?.DATABASE_URL) fs.cpSync(template, dataDir, { recursive: true });
  return dataDir;
}

/** Settings for the app; a function receives the app's own address first (for PUBLIC_BASE_URL). */
export type AppEnv = Record<string, string> | ((baseUrl: string) => Record<string, string>);

/**
 * `env` adds settings (e.g. CLOCK_START to replay a past round); `dataDir` restarts on an earlier run's
 * data (its `stop({ keepData: true })`), as an office restarts its server days later.
 */
export async function startApp(options: { env?: AppEnv; dataDir?: string } = {}): Promise<RunningApp> {
  // env.PORT picks the port (a test that must know the app's address before it starts: single sign-on's redirect URI)
  const fixedPort = typeof options.env === 'object' ? options.env.PORT : undefined;
  const port = fixedPort ? Number(fixedPort) : await freePort();
  let output = '';
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = typeof options.env === 'function' ? options.env(baseUrl) : options.env;
  const dataDir = options.dataDir ?? freshDataDir(env);
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`the app did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseUrl,
    dataDir,
    output: () => output,
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** The app and the browser one test file drives; `restart` stops the app and starts it again on its data. */
export interface AppAndBrowser {
  readonly app: RunningApp;
  readonly browser: Browser;
  restart(options?: { env?: AppEnv }): Promise<void>;
}

/**
 * Starts the app (with `options.env`, e.g. CLOCK_START) and the browser before the file's tests and
 * closes both after them: call it once at the top of an e2e file and read `app` and `browser` in the
 * tests, once they run.
 */
export function useAppAndBrowser(options: { env?: AppEnv } = {}): AppAndBrowser {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp(options);
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the app and the browser start in beforeAll: read them inside a test');
    return value;
  };
  return {
    get app() { return started(app); },
    get browser() { return started(browser); },
    // an office restarting its server days later: the same data folder, a later clock
    async restart(restartOptions = {}) {
      const { dataDir } = started(app);
      await started(app).stop({ keepData: true });
      app = await startApp({ dataDir, ...restartOptions });
    },
  };
}

/** WCAG 2.1 AA: the page may have no serious or critical axe violation. Returns them for the assertion. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

export const SCREENSHOTS = path.resolve('test-results/screenshots');
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The demo accounts' password (the demo loader sets it; the password rule is not asked of demo data). */
export const DEMO_PASSWORD = 'thidua2026';
/** What a test gives `npm run setup` for a real account: the password rule refuses the demo's. */
export const SETUP_PASSWORD = 'Hoa ban nở trắng núi rừng 2026';

/** A fresh browser context signed in through the sign-in page (a demo account unless a password is given). */
export async function signIn(
  browser: Browser, baseUrl: string, username: string, viewport = { width: 1366, height: 768 }, password = DEMO_PASSWORD,
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('logout').waitFor();
  return page;
}

/** The page once settled: a screenshot to look at, and the serious axe violations (expect none). */
export async function settledViolations(page: Page, name: string): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  await screenshot(page, name);
  return seriousViolations(page);
}

/** A cell of an import file the tests write: text, a number, a date (a date cell in Excel) or empty. */
export type Cell = string | number | Date | null;

/** Writes an XLSX import file as an officer fills a template: one sheet, the headers, then the rows. */
export async function writeImportFile(target: string, headers: string[], rows: Cell[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  fs.writeFileSync(target, Buffer.from(await workbook.xlsx.writeBuffer()));
  return target;
}

/**
 * A call to the API from the signed-in page, with its CSRF token (the way the app itself calls it): the data a
 * test sets up without clicking through screens it does not test. A refusal throws with the answer's body.
 */
export async function pageApi<T = unknown>(page: Page, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const result = await page.evaluate(async ({ method, path, body, headers }) => {
    const me = await (await fetch('/api/auth/me')).json() as { csrfToken: string };
    const response = await fetch(path, {
      method, headers: { 'x-csrf-token': me.csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  }, { method, path, body, headers });
  if (result.status >= 400) throw new Error(`${method} ${path}: ${result.status} ${result.text}`);
  return (result.text ? JSON.parse(result.text) : undefined) as T;
}

/** A dossier document (a minimal PDF) uploaded from the signed-in page, for a batch or one of its candidates. */
export async function uploadDossierPdf(page: Page, batchId: string, kind: string, candidateId: string | null) {
  const path = `/api/nominations/batches/${batchId}/documents/${kind}${candidateId ? `?candidateId=${candidateId}` : ''}`;
  const status = await page.evaluate(async ({ path, kind }) => {
    const me = await (await fetch('/api/auth/me')).json() as { csrfToken: string };
    const response = await fetch(path, { method: 'PUT', headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/pdf', 'x-file-name': `${kind}.pdf` },
      body: `%PDF-1.4\n% ${kind}\n%%EOF\n` });
    return response.status;
  }, { path, kind });
  expect(status).toBe(201);
}

