// Opening an article, before / after, on a busy machine: two builds of the
// same corpus in two pages of one browser, articles opened alternately in
// each, so that the machine's load falls on both alike. For each open it
// times click -> the app has shown the reader (script, including any
// style and layout the script forced) and click -> the frame after it has
// been painted (a message posted from requestAnimationFrame arrives after
// the frame's style, layout and paint, so this includes the wait for vsync);
// then Back -> the list painted without the reader.
//
//     node scripts/bench-open-ab.mjs A_DIST B_DIST [QUERY] [OPENS]
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';

const [a, b, query = 'putin', opens = '40'] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node scripts/bench-open-ab.mjs A_DIST B_DIST [QUERY] [OPENS]');
  process.exit(1);
}
const isolated = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
const servers = [await serve(a, 0, isolated), await serve(b, 0, isolated)];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const pages = [];
  for (const { url } of servers) {
    const page = await (await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${url}#q=${encodeURIComponent(query)}`);
    await page.getByRole('list', { name: 'Articles' }).getByRole('link').first().waitFor();
    pages.push(page);
  }
  const times = pages.map(() => ({ handled: [], painted: [], back: [] }));
  for (let i = 0; i < Number(opens); i++) {
    for (let j = 0; j < 2; j++) {
      const k = (i + j) % 2;
      const t = await pages[k].evaluate(async (i) => {
        const links = document.querySelectorAll('[aria-label="Articles"] li h2 a');
        const link = links[i % links.length];
        const reader = () => document.querySelector('.reader h1');
        // Resolves once `done()` holds after a change under <body>.
        const until = (done) => new Promise((ok) => {
          const o = new MutationObserver(() => {
            if (done()) {
              o.disconnect();
              ok();
            }
          });
          o.observe(document.body, { subtree: true, childList: true });
        });
        // Resolves after the next frame's style, layout and paint.
        const painted = () => new Promise((ok) => requestAnimationFrame(() => {
          const c = new MessageChannel();
          c.port1.onmessage = ok;
          c.port2.postMessage(0);
        }));
        // The reader's title appears once the app has handled the click
        // (in its task since session 6, after a hashchange event before).
        const handled = until(reader);
        const t0 = performance.now();
        link.click();
        await handled;
        const t1 = performance.now();
        if (!reader()) throw new Error('no reader after the click');
        await painted();
        const t2 = performance.now();
        // The view's history entry is written after it has painted.
        await new Promise((ok) => setTimeout(ok, 50));
        // Back closes the reader: Back -> the list painted without it.
        const closed = until(() => !reader());
        const t3 = performance.now();
        history.back();
        await closed;
        await painted();
        const t4 = performance.now();
        await new Promise((ok) => setTimeout(ok, 100));
        return { handled: t1 - t0, painted: t2 - t0, back: t4 - t3 };
      }, i);
      times[k].handled.push(t.handled);
      times[k].painted.push(t.painted);
      times[k].back.push(t.back);
    }
  }
  const q = (xs, p) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  const ms = (x) => `${x.toFixed(1)} ms`.padStart(9);
  console.log(`open an article (${opens} opens each, query "${query}"): p50 / p95`);
  ['A', 'B'].forEach((name, k) => {
    const { handled, painted, back } = times[k];
    console.log(`${name}  click -> handled ${ms(q(handled, 0.5))} ${ms(q(handled, 0.95))}   click -> painted ${ms(q(painted, 0.5))} ${ms(q(painted, 0.95))}   Back -> painted ${ms(q(back, 0.5))} ${ms(q(back, 0.95))}`);
  });
} finally {
  await browser.close();
  for (const s of servers) await s.stop();
}
