// Where the main thread's time goes when an article opens: a Chromium trace
// of OPENS opens (each followed by Back), split per open into script (minus
// the style and layout it forced), style, layout and paint (pre-paint,
// paint, layerize, commit). CPU-side durations, so a busy machine inflates
// them less than it inflates wall-clock times to the next frame.
//
//     node scripts/trace-open.mjs DIST [QUERY] [OPENS] [WIDTH]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';
import { summarize } from './trace-summary.mjs';

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
      await new Promise((ok) => requestAnimationFrame(() => {
        const c = new MessageChannel();
        c.port1.onmessage = ok;
        c.port2.postMessage(0);
      }));
      // What follows the paint is the open's too: the lower sections, and
      // the history entry (written after the paint since session 6).
      await new Promise((ok) => setTimeout(ok, 50));
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
summarize(tracePath, (n) => `open (${n} opens, query "${query}", ${width} px)`);
