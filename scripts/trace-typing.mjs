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
import { summarize } from './trace-summary.mjs';

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
// LAYOUTS=N lists the first N layouts: duration, dirty and total objects.
if (process.env.LAYOUTS) {
  const events = JSON.parse(readFileSync(tracePath, 'utf8')).traceEvents;
  for (const e of events.filter((e) => e.name === 'Layout' && e.ph === "X").slice(0, Number(process.env.LAYOUTS))) console.log((e.dur / 1000).toFixed(2), JSON.stringify(e.args?.beginData ?? {}), JSON.stringify(e.args?.endData?.layoutRoots?.length ?? e.args?.endData ?? {}).slice(0, 200));
}
summarize(tracePath, (n) => `keystroke (${n} keystrokes, ${width} px)`);
