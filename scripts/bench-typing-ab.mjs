// Typing, before / after, on a busy machine: two (or more) builds of the same
// corpus in pages of one browser, the same queries typed a letter at a time
// into each in turn, so that the machine's load falls on all alike. Per
// keystroke, from the input event's time stamp: the first change under
// <main> ("dom"), the start of the next frame, and that frame painted (a
// message posted from its requestAnimationFrame), p50 / p95.
//
//     node scripts/bench-typing-ab.mjs A_DIST B_DIST
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';
import { recordKeystrokes } from './keystroke-probe.mjs';
const dirs = process.argv.slice(2);
const servers = await Promise.all(dirs.map((d) => serve(d, 0)));
const b = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const queries = ['sanctions against russia', 'climate change policy', 'federal reserve rates', 'election fraud claims', 'trump putin call', 'refugee ban court', 'oil prices opec'];
const res = dirs.map(() => ({ dom: [], frame: [], painted: [] }));
const pages = [];
for (const s of servers) {
  const page = await (await b.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(s.url);
  await page.getByRole('list', { name: 'Articles' }).getByRole('link').first().waitFor();
  await page.evaluate(recordKeystrokes);
  pages.push(page);
}
for (let round = 0; round < 3; round++) {
  for (const q of queries) {
    for (let i = 0; i < pages.length; i++) {
      const box = pages[i].getByRole('searchbox', { name: 'Search articles' });
      await box.fill('');
      await box.pressSequentially(q, { delay: 30 });
      await pages[i].waitForTimeout(50);
    }
  }
}
const q = (xs, p) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
for (let i = 0; i < pages.length; i++) {
  const keys = (await pages[i].evaluate(() => window.__keys)).filter((k) => k.painted);
  const f = (k) => keys.filter((r) => r[k]).map((r) => r[k] - r.t0);
  console.log(dirs[i], keys.length, ['dom', 'frame', 'painted'].map((k) => `${k} ${q(f(k), 0.5).toFixed(1)} / ${q(f(k), 0.95).toFixed(1)}`).join('   '));
}
await b.close(); for (const s of servers) await s.stop();
