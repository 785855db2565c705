// Prints the shipped size of the build: each file of dist/ by kind, raw, gzip
// (level 9) and brotli (quality 11), and the total of the hosted app (HTML,
// JS, wasm, CSS and the articles' corpus a visit loads, the service worker
// included). The
// single-file dossier.html is a separate download, listed apart. With
// --budget-brotli=N (bytes) it exits non-zero when the app's brotli total is above N.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith('--')) ?? 'dist';
const budget = Number(args.find((a) => a.startsWith('--budget-brotli='))?.split('=')[1] ?? NaN);

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const SINGLE_FILE = 'dossier.html';
const kinds = { '.wasm': 'wasm', '.js': 'JS', '.css': 'CSS', '.html': 'HTML', '.bin': 'corpus' };
const kb = (n) => `${(n / 1000).toFixed(1)} kB`.padStart(10);
const rows = [];
const total = { raw: 0, gzip: 0, brotli: 0 };
for (const path of files(root)) {
  const kind = kinds[extname(path)];
  if (!kind || relative(root, path) === SINGLE_FILE) continue;
  const data = readFileSync(path);
  const row = {
    kind,
    file: relative(root, path),
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  };
  rows.push(row);
  for (const k of ['raw', 'gzip', 'brotli']) total[k] += row[k];
}

console.log(`\nShipped sizes (${root}/):`);
console.log(`${'kind'.padEnd(7)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}  file`);
for (const r of rows) console.log(`${r.kind.padEnd(7)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}  ${r.file}`);
console.log(`${'total'.padEnd(7)}${kb(total.raw)}${kb(total.gzip)}${kb(total.brotli)}  (the hosted app)`);
try {
  const single = readFileSync(join(root, SINGLE_FILE));
  const br = brotliCompressSync(single, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`${'file'.padEnd(7)}${kb(single.length)}${kb(gzipSync(single, { level: 9 }).length)}${kb(br)}  ${SINGLE_FILE} (everything in one file)`);
} catch {
  // A debug build without the post-build step has no single file.
}

if (!Number.isNaN(budget)) {
  if (total.brotli > budget) {
    console.error(`size budget exceeded: ${total.brotli} B brotli > ${budget} B`);
    process.exit(1);
  }
  console.log(`size budget: ${total.brotli} B brotli ≤ ${budget} B`);
}
