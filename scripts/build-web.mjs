// Builds the browser app (dist/web) when it is missing or older than its sources: `npm start` and the browser
// tests' global setup both call it, so the tests build it once before any test file starts the app.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist/web/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function webBuildIsStale() {
  // a build from before precompression (scripts/precompress.mjs) or without its manifest is rebuilt as well
  if (!fs.existsSync(built) || !fs.existsSync(`${built}.br`) || !fs.existsSync(path.join(root, 'dist/web/.vite/manifest.json'))) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  return newestMtime(path.join(root, 'src/web')) > builtAt
    || newestMtime(path.join(root, 'src/shared')) > builtAt // the web app bundles src/shared too
    || fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs > builtAt
    || fs.statSync(path.join(root, 'scripts/precompress.mjs')).mtimeMs > builtAt
    || fs.statSync(fileURLToPath(import.meta.url)).mtimeMs > builtAt; // how it is built (this file) changed
}

/** Returns the exit status of the build (0 when nothing had to be built). */
export function buildWebIfStale() {
  if (!webBuildIsStale()) return 0;
  console.log('Đang dựng giao diện… / building the web app…');
  // always the production build: vite keeps a NODE_ENV it inherits (vitest's 'test'), which would bundle React's
  // development build (twice the size, slower) into what the browser tests and the size budget check
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  return result.status ?? 1;
}
