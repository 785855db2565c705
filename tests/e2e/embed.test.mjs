// iframe mode on examples/embed.html, a host page with hostile CSS of its own:
// the compact view reports its height, follows dossier:navigate messages from
// the parent, and ignores every message not of that documented shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expect } from './expect.mjs';
import { DIST, ROOT, useBrowser } from './browser.mjs';
import { relative } from 'node:path';

const browser = useBrowser({ serveRoot: true });

const distPath = relative(ROOT, DIST);

async function openHost() {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // Record what the frame posts to the host.
  await page.addInitScript(() => {
    window.__fromFrame = [];
    addEventListener('message', (e) => window.__fromFrame.push(e.data));
  });
  await page.goto(`${browser.base}examples/embed.html?dist=../${distPath}`);
  const frame = page.frameLocator('iframe');
  return { page, frame, problems, count: () => frame.getByRole('status').first().textContent() };
}

test('the compact view shows search and results without the header chrome, and reports its height', async () => {
  const { page, frame, problems, count } = await openHost();
  await expect(count, '5 articles');
  await frame.getByRole('searchbox', { name: 'Search articles' }).waitFor();
  assert.equal(await frame.getByRole('link', { name: 'Dossier' }).count(), 0, 'no brand link in the compact view');
  await expect(async () => (await page.evaluate(() => window.__fromFrame)).some((m) => m.type === 'dossier:resize' && m.height > 300), true);
  const reported = (await page.evaluate(() => window.__fromFrame)).filter((m) => m.type === 'dossier:resize').at(-1).height;
  await expect(async () => (await page.locator('iframe').boundingBox()).height >= reported, true);

  // Reading an article keeps the compact view, and its height follows.
  await frame.getByRole('list', { name: 'Articles' }).getByRole('link').first().click();
  await frame.getByRole('region', { name: 'Reader' }).getByRole('heading', { level: 1 }).waitFor();
  assert.match(await page.locator('iframe').evaluate((f) => f.contentWindow.location.hash), /^#embed&article=/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('dossier:navigate from the parent sets the query and filters; any other message is ignored', async () => {
  const { page, frame, problems, count } = await openHost();
  await expect(count, '5 articles');
  const historyBefore = await page.evaluate(() => history.length);
  await page.getByRole('button', { name: 'Show Peskov' }).click();
  await expect(count, '3 articles');
  assert.equal(await frame.getByRole('searchbox', { name: 'Search articles' }).inputValue(), 'peskov');
  await page.getByRole('button', { name: 'Putin in 2017' }).click();
  await expect(count, '1 article');
  assert.equal(await page.evaluate(() => history.length), historyBefore, "the host's history is untouched");

  const post = (data) => page.evaluate((d) => document.querySelector('iframe').contentWindow.postMessage(d, '*'), data);
  for (const junk of [
    'dossier:navigate',
    null,
    42,
    { type: 'dossier:navigate', query: 42 },
    { type: 'dossier:navigate', query: 'kremlin', extra: true },
    { type: 'dossier:navigate', filters: { colour: ['red'] } },
    { type: 'dossier:navigate', filters: { outlet: [1, 2] } },
    { type: 'dossier:navigate', query: 'x'.repeat(5000) },
    { type: 'dossier:resize', height: 10 },
    { type: 'something else' },
  ]) {
    await post(junk);
  }
  // A navigate posted by the frame to itself is not from the parent.
  const inner = page.frames().find((f) => f !== page.mainFrame());
  await inner.evaluate(() => window.postMessage({ type: 'dossier:navigate', query: 'trump' }, '*'));
  await page.waitForTimeout(300);
  await expect(count, '1 article');
  assert.equal(await frame.getByRole('searchbox', { name: 'Search articles' }).inputValue(), 'putin');
  assert.deepEqual(problems, []);
  await page.close();
});
