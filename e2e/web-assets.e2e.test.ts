import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCost, readManifest, staticClosure } from '../scripts/web-size.mjs';
import { startApp, type RunningApp } from './support.ts';

/**
 * The built app (dist/web, built once by e2e/global-setup.ts) as a person's browser gets it: what the first page
 * loads, and how the server sends it (compressed, cached for ever when hashed, revalidated when not).
 */
const WEB_DIST = path.resolve('dist/web');
const BUDGET = 200_000; // bytes of gzip, JS and CSS together (issue 16)
const LOGIN = 'features/auth/LoginPage.tsx';
const HOME = 'features/home/HomePage.tsx';

describe('the first page', () => {
  it.each([['the sign-in page', LOGIN], ['the dashboard', HOME]])('%s loads at most 200 KB of gzip JS and CSS', (_name, page) => {
    const cost = loadCost(WEB_DIST, [page]);
    expect(cost.files.some((f) => f.file.endsWith('.css'))).toBe(true); // the styles are counted too
    expect(cost.total, cost.files.map((f) => `${f.file} ${f.gzip}`).join('\n')).toBeLessThanOrEqual(BUDGET);
  });

  // The first page's CSS holds only some of Mantine's styles (src/web/app/styles-first.css): a component its code can
  // render without them would show unstyled. Mantine's class names (m_<hash>) are in its JS and in its styles.css.
  it.each([['the sign-in page', LOGIN], ['the dashboard', HOME]])('%s has the styles of every Mantine component its code renders, in Mantine\'s order', (_name, page) => {
    const mantine = fs.readFileSync(path.resolve('node_modules/@mantine/core/styles.css'), 'utf8');
    const defined = new Set([...mantine.matchAll(/\.(m_[0-9a-f]{4,8})\b/g)].map((m) => m[1]!));
    const files = staticClosure(readManifest(WEB_DIST), ['index.html', page]);
    const read = (ext: string) => files.filter((f) => f.endsWith(ext)).map((f) => fs.readFileSync(path.join(WEB_DIST, f), 'utf8')).join('\n');
    const js = read('.js');
    const css = read('.css');
    const firstIn = (text: string, c: string) => text.search(new RegExp(`\\.${c}\\b`));
    const used = [...new Set([...js.matchAll(/\b(m_[0-9a-f]{4,8})\b/g)].map((m) => m[1]!))].filter((c) => defined.has(c));
    expect(used.length).toBeGreaterThan(30); // the shell's and the page's components, not a handful
    expect(used.filter((c) => firstIn(css, c) < 0)).toEqual([]);
    // and not all of Mantine: the rest comes with the pages that use it
    expect([...defined].filter((c) => firstIn(css, c) < 0).length).toBeGreaterThan(defined.size / 2);
    // in the order of Mantine's styles.css, so that a rule wins as it does there
    const order = used.sort((a, b) => firstIn(css, a) - firstIn(css, b)).map((c) => firstIn(mantine, c));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('loads no other page: every feature page is its own chunk, fetched when its route is visited', () => {
    const manifest = readManifest(WEB_DIST);
    const pages = Object.keys(manifest).filter((key) => /^features\/.*Page\.tsx$/.test(key));
    expect(pages.length).toBeGreaterThan(40); // every route's page, not a handful
    const first = new Set(staticClosure(manifest, ['index.html']));
    for (const page of pages) {
      expect(manifest[page]!.isDynamicEntry, page).toBe(true);
      expect(first.has(manifest[page]!.file), page).toBe(false);
    }
    // and a heavy page stays out of the dashboard's load
    expect(staticClosure(manifest, ['index.html', HOME])).not.toContain(manifest['features/eligibility/RuleEditorPage.tsx']!.file);
  });
});

interface RawResponse { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

/** A GET with exactly the given headers (fetch would add Accept-Encoding and decompress). */
function get(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

describe('the server sends the built app compressed and cached by name', () => {
  let app: RunningApp;
  beforeAll(async () => { app = await startApp(); }, 240_000);
  afterAll(async () => { await app?.stop(); });

  const entryFile = () => readManifest(WEB_DIST)['index.html']!.file;

  it('sends index.html as brotli or gzip when asked, plain otherwise, and never from a cache without asking', async () => {
    const html = fs.readFileSync(path.join(WEB_DIST, 'index.html'));
    const br = await get(`${app.baseUrl}/index.html`, { 'accept-encoding': 'br, gzip' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('no-cache');
    expect(zlib.brotliDecompressSync(br.body).equals(html)).toBe(true);

    const plain = await get(`${app.baseUrl}/index.html`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body.equals(html)).toBe(true);

    // a client-side route (the SPA fallback) is the same shell, compressed and revalidated too
    const deep = await get(`${app.baseUrl}/to-chuc`, { 'accept-encoding': 'gzip' });
    expect(deep.status).toBe(200);
    expect(deep.headers['content-type']).toMatch(/^text\/html/);
    expect(deep.headers['content-encoding']).toBe('gzip');
    expect(deep.headers['cache-control']).toBe('no-cache');
    expect(zlib.gunzipSync(deep.body).equals(html)).toBe(true);
  });

  it('sends a hashed asset compressed, as JavaScript, cached for a year and immutable', async () => {
    const file = entryFile();
    const content = fs.readFileSync(path.join(WEB_DIST, file));
    const gz = await get(`${app.baseUrl}/${file}`, { 'accept-encoding': 'gzip' });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/javascript/);
    expect(gz.headers.vary).toMatch(/accept-encoding/i);
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.gunzipSync(gz.body).equals(content)).toBe(true);

    const plain = await get(`${app.baseUrl}/${file}`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.equals(content)).toBe(true);
  });

  it('still answers the API as JSON, not with the shell', async () => {
    const health = await get(`${app.baseUrl}/api/health`, { 'accept-encoding': 'br' });
    expect(health.status).toBe(200);
    expect(health.headers['content-type']).toMatch(/json/);
    const missing = await get(`${app.baseUrl}/api/no-such-route`, {});
    expect(missing.status).toBe(404);
  });
});
