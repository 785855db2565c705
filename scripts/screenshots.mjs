// Regenerates the README screenshots from the built dist/: the article list and
// the reader, on desktop and phone, in light and dark. Run after scripts/build.sh.
import { join } from 'node:path';
import { launch, openApp, ROOT } from '../tests/e2e/browser.mjs';

const SHOTS = [
  { name: 'list', hash: '' },
  { name: 'search', hash: '#q=kremlin%20peskov' },
  { name: 'reader', hash: '#article=002_a5e35574d557ffdb' },
];
const DEVICES = [
  { name: 'desktop', viewport: { width: 1280, height: 860 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

const browser = await launch();
for (const scheme of ['light', 'dark']) {
  for (const device of DEVICES) {
    for (const shot of SHOTS) {
      const app = await openApp(browser.context, { hash: shot.hash });
      await app.page.setViewportSize(device.viewport);
      await app.page.emulateMedia({ colorScheme: scheme });
      // The reader's title is the last level-1 heading (the list's is visually hidden).
      await app.page.getByRole('main').getByRole('heading', { level: 1 }).last().waitFor();
      await app.page.waitForTimeout(300);
      const file = join(ROOT, 'docs', `${shot.name}-${device.name}-${scheme}.png`);
      await app.page.screenshot({ path: file });
      console.log(file);
      await app.close();
    }
  }
}
await browser.close();
