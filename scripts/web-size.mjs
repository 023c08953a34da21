// What a page of the built browser app costs to load: the files its chunk needs before it runs (its static imports,
// followed through vite's manifest, and their CSS), gzip-compressed as the server sends them. The first-page budget
// test (e2e/web-assets.e2e.test.ts) and bench/ui.ts read it.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** vite's build manifest (build.manifest): source path → { file, css, imports, dynamicImports, isEntry }. */
export function readManifest(webDist) {
  return JSON.parse(fs.readFileSync(path.join(webDist, '.vite/manifest.json'), 'utf8'));
}

/** The output files (JS, then CSS) the given manifest keys load before they run: no dynamic imports. */
export function staticClosure(manifest, keys) {
  const seen = new Set();
  const js = new Set();
  const css = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`web-size: ${key} is not in the build manifest`);
    if (chunk.file.endsWith('.js')) js.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...js, ...css];
}

/** gzip at the level the build's precompression uses (scripts/precompress.mjs). */
export function gzipBytes(buffer) {
  return zlib.gzipSync(buffer, { level: 9 }).length;
}

/**
 * The gzip bytes of JS and CSS a visit to the app loads when it lands on `pages` (manifest keys such as
 * 'features/auth/LoginPage.tsx'), the entry (index.html) included; each file counted once.
 */
export function loadCost(webDist, pages) {
  const manifest = readManifest(webDist);
  const files = staticClosure(manifest, ['index.html', ...pages]);
  const sizes = files.map((file) => ({ file, gzip: gzipBytes(fs.readFileSync(path.join(webDist, file))) }));
  return { files: sizes, total: sizes.reduce((sum, f) => sum + f.gzip, 0) };
}
