// Where the main thread's time goes when an article opens: a Chromium trace
// of OPENS opens (each followed by Back), split per open into script (minus
// the style and layout it forced), style, layout and paint (pre-paint,
// paint, layerize, commit). CPU-side durations, so a busy machine inflates
// them less than it inflates wall-clock times to the next frame.
//
//     node scripts/trace-open.mjs DIST [QUERY] [OPENS] [WIDTH]
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';

const [dist, query = 'putin', opens = '10', width = '1280'] = process.argv.slice(2);
if (!dist) {
  console.error('usage: node scripts/trace-open.mjs DIST [QUERY] [OPENS] [WIDTH]');
  process.exit(1);
}
const { url, stop } = await serve(dist, 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const tracePath = join(mkdtempSync(join(tmpdir(), 'dossier-trace-')), 'trace.json');
try {
  const page = await (await browser.newContext({ serviceWorkers: 'block', viewport: { width: Number(width), height: 900 } })).newPage();
  await page.goto(`${url}#q=${encodeURIComponent(query)}`);
  await page.getByRole('list', { name: 'Articles' }).getByRole('link').first().waitFor();
  await page.waitForTimeout(300);
  await browser.startTracing(page, { path: tracePath, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  for (let i = 0; i < Number(opens); i++) {
    await page.evaluate(async (i) => {
      const links = document.querySelectorAll('[aria-label="Articles"] li h2 a');
      performance.mark('dossier-open');
      links[i % links.length].click();
      await new Promise((ok) => addEventListener('hashchange', ok, { once: true }));
      await new Promise((ok) => requestAnimationFrame(() => {
        const c = new MessageChannel();
        c.port1.onmessage = ok;
        c.port2.postMessage(0);
      }));
      performance.mark('dossier-back');
      history.back();
      await new Promise((ok) => setTimeout(ok, 150));
    }, i);
  }
  await browser.stopTracing();
} finally {
  await browser.close();
  await stop();
}
const events = JSON.parse(readFileSync(tracePath, 'utf8')).traceEvents;
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
console.log(`main-thread work per open (${rows.length} opens, query "${query}", ${width} px): p50 / p95`);
for (const key of ['script', 'style', 'layout', 'paint', 'total']) {
  const xs = rows.map((r) => r[key]);
  console.log(`${key.padEnd(7)} ${ms(q(xs, 0.5))} ${ms(q(xs, 0.95))}`);
}
