// axe-core (node_modules, never fetched) audits every view: the list, a search
// with results and filters, the reader with matches stepped to, the dialogs,
// narrow and wide, in each theme. Any violation fails with what and where.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { expect } from './expect.mjs';
import { ROOT, openApp, useBrowser } from './browser.mjs';

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const ARTICLE = '002_a5e35574d557ffdb';

const browser = useBrowser();

/** Runs axe on the page as it is now; fails listing each violation and its nodes. */
async function audit(page, where) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
    }));
  });
  assert.deepEqual(violations, [], `${where}:\n${JSON.stringify(violations, null, 2)}`);
}

async function setTheme(page, theme) {
  // Reload only once the app and everything it fetches have loaded: a reload
  // mid-load aborts the requests in flight (CI saw the icon's aborted).
  await page.getByRole('list', { name: 'Articles' }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.evaluate((t) => localStorage.setItem('dossier.theme', t), theme);
  await page.reload();
}

for (const theme of ['light', 'dark', 'sepia']) {
  test(`no axe violations in the ${theme} theme`, async () => {
    const app = await openApp(browser.context);
    const { page } = app;
    // Closed whatever happens: a server left open holds the file until its timeout.
    try {
      await setTheme(page, theme);
      await page.getByRole('list', { name: 'Articles' }).waitFor();
      await audit(page, `${theme}: the list`);

      await page.getByRole('searchbox', { name: 'Search articles' }).fill('kremlin');
      await expect(() => page.getByRole('status').textContent(), '5 articles');
      await page.getByRole('list', { name: 'Articles' }).locator('mark').first().waitFor();
      await audit(page, `${theme}: a search with results`);

      const box = page.getByRole('searchbox', { name: 'Search articles' });
      await page.getByRole('group', { name: 'Articles over time' }).getByRole('button', { name: /^2016/ }).click();
      await page.getByRole('checkbox', { name: /Date unknown/ }).check();
      await expect(() => page.getByRole('status').textContent(), '3 articles');
      await page.getByRole('button', { name: /1 January 2016 – 31 December 2016/ }).focus();
      await audit(page, `${theme}: a date range and undated articles selected on the timeline`);
      await page.getByRole('button', { name: 'Clear all' }).click();
      await box.fill('pezkof');
      await page.getByRole('link', { name: /Search for “peskov” instead/ }).waitFor();
      await audit(page, `${theme}: an empty search offering a correction`);
      await box.fill('kremlin');
      await expect(() => page.getByRole('status').textContent(), '5 articles');

      await page.getByRole('link', { name: /White House Calls 1st Phone/ }).click();
      const reader = page.getByRole('region', { name: 'Reader' });
      await reader.getByRole('heading', { level: 1 }).waitFor();
      await reader.getByRole('button', { name: 'Next match' }).click();
      await reader.locator('mark[aria-current]').waitFor();
      await page.getByText('6 reader comments').click();
      await audit(page, `${theme}: the reader, two panes`);

      await page.setViewportSize({ width: 375, height: 800 });
      await audit(page, `${theme}: the reader, one pane`);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Filters' }).click();
      await audit(page, `${theme}: the list with filters open, one pane`);
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.getByRole('button', { name: 'Reading settings' }).click();
      await page.getByRole('dialog', { name: 'Reading settings' }).waitFor();
      await audit(page, `${theme}: reading settings`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await audit(page, `${theme}: keyboard shortcuts`);
      await page.keyboard.press('Escape');

      assert.deepEqual(app.problems(), []);
    } finally {
      await page.evaluate(() => localStorage.clear());
      await app.close();
    }
  });
}

test('no axe violations in the system dark theme or on an unknown article', async () => {
  const app = await openApp(browser.context, { hash: `#q=putin&article=${ARTICLE}` });
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('region', { name: 'Reader' }).getByRole('heading', { level: 1 }).waitFor();
  await audit(page, 'system dark: the reader');
  await page.goto(`${app.url}#article=no-such-article`);
  await page.getByRole('heading', { level: 1, name: 'Article not found' }).waitFor();
  await audit(page, 'an unknown article');
  await page.emulateMedia({ colorScheme: null });
  assert.deepEqual(app.problems(), []);
  await app.close();
});
