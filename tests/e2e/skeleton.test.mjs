// The walking skeleton as a reader meets it: the five seed articles listed,
// one opened and read, back to the list, deep links, and a quiet console with
// no request leaving the app's own files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from './expect.mjs';
import { ROOT, openApp, useBrowser } from './browser.mjs';

const browser = useBrowser();

const SEED_COUNT = readdirSync(join(ROOT, 'seeds')).filter((f) => /\.(txt|md)$/.test(f)).length;

test('lists every seed article as a link, with its date or "Date unknown"', async () => {
  const app = await openApp(browser.context);
  const { page } = app;
  const list = page.getByRole('list', { name: 'Articles' });
  await expect(() => list.getByRole('listitem').count(), SEED_COUNT);
  const links = list.getByRole('heading', { level: 2 }).getByRole('link');
  assert.equal(await links.count(), SEED_COUNT);
  for (const title of await links.allTextContents()) assert.ok(title.trim().length > 10, `a real title: ${title}`);
  await assert.doesNotReject(page.getByRole('link', { name: /Trump, Putin Expected to Speak by Phone on Saturday/ }).waitFor());
  const times = await list.locator('time').allTextContents();
  assert.equal(times.length, SEED_COUNT);
  for (const t of times) assert.match(t, /^(\d{1,2} [A-Z][a-z]+ \d{4}|Date unknown)$/);
  assert.deepEqual(app.problems(), []);
  await app.close();
});

test('opens an article, shows its body, and goes back to the list', async () => {
  const app = await openApp(browser.context);
  const { page } = app;
  await page.getByRole('link', { name: /Trump, Putin Expected to Speak by Phone on Saturday/ }).click();
  const title = page.getByRole('heading', { level: 1, name: /Trump, Putin Expected to Speak by Phone on Saturday/ });
  await title.waitFor();
  const article = page.getByRole('article');
  await assert.doesNotReject(
    article.getByText('A spokesman for the Kremlin said Friday that the phone call was scheduled', { exact: false }).waitFor(),
  );
  await expect(() => /#article=001_5b7521358710c2b7$/.test(page.url()), true);
  assert.equal(await page.title(), 'Trump, Putin Expected to Speak by Phone on Saturday — Dossier');
  // Focus moves to the title so keyboard and screen-reader users start there.
  assert.equal(await title.evaluate((el) => el === document.activeElement), true);

  await page.goBack();
  await page.getByRole('list', { name: 'Articles' }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 1, name: /Trump, Putin Expected/ }).count(), 0);

  await page.goForward();
  await title.waitFor();
  await page.getByRole('link', { name: 'All articles' }).click();
  await page.getByRole('list', { name: 'Articles' }).waitFor();
  assert.deepEqual(app.problems(), []);
  await app.close();
});

test('a deep link opens the article; an unknown id says so instead of failing', async () => {
  let app = await openApp(browser.context, { hash: '#article=003_7427d6b749028ccb' });
  await app.page.getByRole('heading', { level: 1 }).filter({ hasText: /Kremlin denied a phone call/ }).waitFor();
  assert.deepEqual(app.problems(), []);
  await app.close();

  app = await openApp(browser.context, { hash: '#article=no-such-article&junk=%%%' });
  await app.page.getByRole('heading', { level: 1, name: 'Article not found' }).waitFor();
  await app.page.getByRole('link', { name: 'Back to all articles' }).click();
  await app.page.getByRole('list', { name: 'Articles' }).waitFor();
  assert.deepEqual(app.problems(), []);
  await app.close();
});

test('requests nothing but its own files', async () => {
  const app = await openApp(browser.context);
  await app.page.getByRole('list', { name: 'Articles' }).waitFor();
  await app.page.waitForLoadState('networkidle');
  const own = new URL(app.url).origin;
  assert.ok(app.requests.length >= 3, 'html, js and wasm were loaded');
  for (const r of app.requests) assert.ok(r.startsWith(own + '/'), `own file: ${r}`);
  assert.ok(app.requests.some((r) => r.endsWith('.wasm')));
  assert.deepEqual(app.problems(), []);
  await app.close();
});
