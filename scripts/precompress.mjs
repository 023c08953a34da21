// Writes a brotli (.br) and a gzip (.gz) copy beside each text file of the built browser app, once at build time, so
// that the server (@fastify/static's preCompressed) sends them without compressing on every request.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TEXT = /\.(js|css|html|svg|json|txt|webmanifest)$/;
/** Below this a compressed copy saves less than the headers it costs. */
const MIN_BYTES = 512;

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

/** Compresses every text file under `dir` (the build's source maps, if any, too); returns how many. */
export function precompressDir(dir) {
  let count = 0;
  for (const file of files(dir)) {
    if (!TEXT.test(file) || file.includes(`${path.sep}.vite${path.sep}`)) continue;
    const content = fs.readFileSync(file);
    if (content.length < MIN_BYTES) continue;
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(content, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length },
    }));
    count++;
  }
  return count;
}

/** The vite plugin: after `vite build` has written the bundle (npm run build, npm start, the browser tests). */
export function precompressPlugin() {
  let outDir = '';
  return {
    name: 'thidua-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      precompressDir(outDir);
    },
  };
}
