// Before / after in the browser on a busy machine: two builds of the same
// corpus (e.g. target/bench/news-3824 of two commits), both modules loaded
// into one blank page, the known-item queries alternated between them one by
// one, so that whatever else the machine runs falls on both alike. Prints
// p50 / p95 per kind, fastest of ROUNDS per query.
//
//     cargo run --release -q -p dossier-core --example queries -- FOLDER > queries.json
//     node scripts/bench-ab.mjs queries.json BEFORE_DIST AFTER_DIST
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';

const ROUNDS = 5;
const [queriesFile, ...dists] = process.argv.slice(2);
if (!queriesFile || dists.length !== 2) {
  console.error('usage: node scripts/bench-ab.mjs QUERIES.json BEFORE_DIST AFTER_DIST');
  process.exit(1);
}
const queries = JSON.parse(readFileSync(queriesFile, 'utf8'));
// One origin for both builds: a blank page beside links to the two dists.
const root = mkdtempSync(join(tmpdir(), 'dossier-ab-'));
writeFileSync(join(root, 'index.html'), '<!DOCTYPE html><title>A/B</title>');
const glue = dists.map((d, k) => {
  symlinkSync(resolve(d), join(root, String(k)));
  const html = readFileSync(join(d, 'index.html'), 'utf8');
  const wasm = html.match(/[\w-]+_bg\.wasm/)[0];
  // Builds since session 8 have one module, dossier.js; before, the glue.
  const js = html.match(/dossier-app-[0-9a-f]+\.js/)?.[0] ?? 'dossier.js';
  // Builds since session 4 keep the corpus beside the module.
  const corpus = html.match(/corpus-[0-9a-f]+\.bin/)?.[0];
  return [`${k}/${js}`, `${k}/${wasm}`, corpus && `${k}/${corpus}`];
});
const isolated = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
const { server, url } = await serve(root, 0, isolated);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
  await page.goto(url);
  const best = await page.evaluate(
    async ([glue, queries, rounds]) => {
      const mods = [];
      for (const [js, wasm, corpus] of glue) {
        const m = await import(`./${js}`);
        await (m.initWasm ?? m.default)({ module_or_path: `./${wasm}` });
        if (corpus) m.loadCorpus(new Uint8Array(await (await fetch(`./${corpus}`)).arrayBuffer()));
        mods.push(m);
      }
      const best = mods.map(() => queries.map(() => Infinity));
      for (let r = 0; r <= rounds; r++) {
        queries.forEach((q, i) => {
          const o = { limit: 10, ...(q.year ? { filters: { year: [q.year] } } : {}) };
          // Which build goes first alternates too.
          for (let j = 0; j < mods.length; j++) {
            const k = (j + r + i) % mods.length;
            const t0 = performance.now();
            mods[k].search(q.query, o);
            const dt = performance.now() - t0;
            if (r > 0) best[k][i] = Math.min(best[k][i], dt);
          }
        });
      }
      return best;
    },
    [glue, queries, ROUNDS],
  );
  const pct = (s, p) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  console.log(`${'kind'.padEnd(16)}${'before p50 / p95'.padStart(20)}${'after p50 / p95'.padStart(20)}`);
  for (const kind of [...new Set(queries.map((q) => q.kind))]) {
    const idx = queries.map((q, i) => (q.kind === kind ? i : -1)).filter((i) => i >= 0);
    const cells = best.map((b) => {
      const s = idx.map((i) => b[i] * 1000).sort((x, y) => x - y);
      return `${pct(s, 50).toFixed(0)} / ${pct(s, 95).toFixed(0)} µs`;
    });
    console.log(`${kind.padEnd(16)}${cells.map((c) => c.padStart(20)).join('')}`);
  }
} finally {
  await browser.close();
  server.close();
}
