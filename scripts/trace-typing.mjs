// Where the main thread's time goes per keystroke: a Chromium trace of
// typing each QUERY a letter at a time into the search box (cleared between
// queries), split per keystroke as scripts/trace-open.mjs splits an open.
//
//     node scripts/trace-typing.mjs DIST [QUERY...]
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';

const [dist, ...typed] = process.argv.slice(2);
if (!dist) {
  console.error('usage: node scripts/trace-typing.mjs DIST [QUERY...]');
  process.exit(1);
}
const queries = typed.length ? typed : ['sanctions against russia', 'climate change policy', 'federal reserve rates', 'election fraud claims', 'trump putin call'];
const width = 1280;
const { url, stop } = await serve(dist, 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const tracePath = join(mkdtempSync(join(tmpdir(), 'dossier-trace-')), 'trace.json');
try {
  const page = await (await browser.newContext({ serviceWorkers: 'block', viewport: { width: Number(width), height: 900 } })).newPage();
  await page.goto(url);
  // CSS=... adds a style sheet, to try a layout change without a rebuild.
  if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
  await page.getByRole('list', { name: 'Articles' }).getByRole('link').first().waitFor();
  await page.waitForTimeout(300);
  await browser.startTracing(page, { path: tracePath, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  await page.evaluate(async (queries) => {
    const box = document.querySelector('input[type=search]');
    const frame = () => new Promise((ok) => requestAnimationFrame(() => {
      const c = new MessageChannel();
      c.port1.onmessage = ok;
      c.port2.postMessage(0);
    }));
    for (const q of queries) {
      for (let i = 1; i <= q.length; i++) {
        performance.mark('dossier-open');
        box.value = q.slice(0, i);
        box.dispatchEvent(new InputEvent('input', { bubbles: true, data: q[i - 1], inputType: 'insertText' }));
        await frame();
        performance.mark('dossier-back');
        await new Promise((ok) => setTimeout(ok, 30));
      }
      box.value = '';
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }, queries);
  await browser.stopTracing();
} finally {
  await browser.close();
  await stop();
}
const events = JSON.parse(readFileSync(tracePath, 'utf8')).traceEvents;
if (process.env.LAYOUTS) for (const e of events.filter((e) => e.name === "Layout" && e.ph === "X").slice(0, Number(process.env.LAYOUTS))) console.log((e.dur / 1000).toFixed(2), JSON.stringify(e.args?.beginData ?? {}), JSON.stringify(e.args?.endData?.layoutRoots?.length ?? e.args?.endData ?? {}).slice(0, 200));
const marks = events.filter((e) => e.name === 'dossier-open' || e.name === 'dossier-back').sort((a, b) => a.ts - b.ts);
const main = events.find((e) => e.name === 'dossier-open');
const mine = events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid);
const STYLE = ['UpdateLayoutTree'], LAYOUT = ['Layout'], PAINT = ['PrePaint', 'Paint', 'Layerize', 'Commit'];
const SCRIPT = ['FunctionCall', 'EventDispatch', 'RunMicrotasks', 'TimerFire', 'FireAnimationFrame', 'EvaluateScript'];
const rows = [];
for (let k = 0; k < marks.length; k++) {
  if (marks[k].name !== 'dossier-open') continue;
  const from = marks[k].ts, to = marks[k + 1]?.ts ?? Infinity;
  const inside = mine.filter((e) => e.ts >= from && e.ts < to);
  // Top-level events only for script: nested calls and forced style/layout are inside them.
  const sum = (names, top) => inside.filter((e) => names.includes(e.name) && (!top || !inside.some((o) => o !== e && SCRIPT.includes(o.name) && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur))).reduce((s, e) => s + e.dur / 1000, 0);
  const style = sum(STYLE), layout = sum(LAYOUT), paint = sum(PAINT);
  const script = sum(SCRIPT, true) - inside.filter((e) => [...STYLE, ...LAYOUT].includes(e.name) && inside.some((o) => SCRIPT.includes(o.name) && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur)).reduce((s, e) => s + e.dur / 1000, 0);
  rows.push({ script, style, layout, paint, total: script + style + layout + paint });
}
const q = (xs, p) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const ms = (x) => `${x.toFixed(1)} ms`.padStart(9);
if (process.env.ROWS) rows.forEach((r, i) => console.log(i, Object.entries(r).map(([k, v]) => `${k} ${v.toFixed(1)}`).join("  ")));
console.log(`main-thread work per keystroke (${rows.length} keystrokes, ${width} px): p50 / p95`);
for (const key of ['script', 'style', 'layout', 'paint', 'total']) {
  const xs = rows.map((r) => r[key]);
  console.log(`${key.padEnd(7)} ${ms(q(xs, 0.5))} ${ms(q(xs, 0.95))}`);
}
