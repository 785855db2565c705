// The reader UI of issue #5 as a reader meets it: the list and the article
// side by side on wide screens and one pane on narrow ones, the sort order,
// keyboard shortcuts and their dialog, stepping through matches, and the
// reading settings kept across visits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expect } from './expect.mjs';
import { openApp, useBrowser } from './browser.mjs';

const browser = useBrowser();

const KREMLIN_ARTICLE = '002_a5e35574d557ffdb';
const count = (page) => page.getByRole('status').textContent();
const results = (page) => page.getByRole('list', { name: 'Articles' });
const titles = (page) => results(page).getByRole('heading', { level: 2 }).allTextContents();
const focusedName = (page) => page.evaluate(() => document.activeElement?.textContent ?? '');
/** Horizontal overflow of the page, in CSS pixels (0 when nothing sticks out). */
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
/** Resolves once nothing has scrolled for 150 ms: a smooth scroll to a match
 * moves the buttons under a click aimed at where they were. */
const scrollSettled = (page) => page.evaluate(() => new Promise((done) => {
  let timer;
  const quiet = () => { clearTimeout(timer); timer = setTimeout(() => { removeEventListener('scroll', quiet, true); done(); }, 150); };
  addEventListener('scroll', quiet, true);
  quiet();
}));

test('wide screens show the list beside the article; narrow screens one pane with a way back', async () => {
  const app = await openApp(browser.context, { hash: '#q=kremlin' });
  const { page } = app;
  await expect(() => count(page), '5 articles');
  await results(page).getByRole('link', { name: /White House Calls 1st Phone/ }).click();
  const reader = page.getByRole('region', { name: 'Reader' });
  await reader.getByRole('heading', { level: 1, name: /White House Calls 1st Phone/ }).waitFor();
  assert.ok(await results(page).isVisible(), 'the list stays visible beside the article');
  const [list, pane] = [await results(page).boundingBox(), await reader.boundingBox()];
  assert.ok(list.x + list.width <= pane.x, `list ${JSON.stringify(list)} left of reader ${JSON.stringify(pane)}`);
  assert.equal(await results(page).getByRole('link', { name: /White House Calls 1st Phone/ }).getAttribute('aria-current'), 'page');

  // Another result replaces the article; the list is not rebuilt or scrolled away.
  await results(page).getByRole('link', { name: /Trump, Putin Expected/ }).click();
  await reader.getByRole('heading', { level: 1, name: /Trump, Putin Expected/ }).waitFor();
  // The mark moves with it: one current result, the open one.
  const marked = () => results(page).locator('a[aria-current="page"]').allTextContents();
  await expect(async () => (await marked()).join('|'), (await results(page).getByRole('link', { name: /Trump, Putin Expected/ }).textContent()));

  await page.setViewportSize({ width: 700, height: 900 });
  await expect(() => results(page).isVisible(), false);
  assert.ok(await reader.isVisible());
  await reader.getByRole('link', { name: 'Back to results' }).click();
  await expect(() => results(page).isVisible(), true);
  assert.equal(await reader.count(), 0);

  for (const width of [360, 900, 1920]) {
    await page.setViewportSize({ width, height: 800 });
    await results(page).getByRole('link', { name: /Trump, Putin Expected/ }).click();
    await reader.getByRole('heading', { level: 1 }).waitFor();
    assert.ok((await overflow(page)) <= 0, `no sideways scrolling at ${width} px while reading`);
    await page.goBack();
    await expect(() => reader.count(), 0);
    assert.ok((await overflow(page)) <= 0, `no sideways scrolling at ${width} px in the list`);
  }
  assert.deepEqual(app.problems(), []);
  await app.close();
});

test('the sort order is a labelled choice kept in the URL, and Back restores it', async () => {
  const app = await openApp(browser.context);
  const { page } = app;
  await expect(() => count(page), '5 articles');
  const sort = page.getByLabel('Sort');
  assert.equal(await sort.inputValue(), 'relevance');
  const dates = () => results(page).locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')).filter(Boolean));

  await sort.selectOption({ label: 'Oldest first' });
  await expect(() => page.url().endsWith('#sort=oldest'), true);
  const oldest = await dates();
  assert.deepEqual(oldest, [...oldest].sort(), `oldest first: ${oldest}`);
  await sort.selectOption({ label: 'Newest first' });
  await expect(() => page.url().endsWith('#sort=newest'), true);
  const newest = await dates();
  assert.deepEqual(newest, [...newest].sort().reverse(), `newest first: ${newest}`);

  await page.goBack();
  await expect(() => sort.inputValue(), 'oldest');
  await page.goBack();
  await expect(() => sort.inputValue(), 'relevance');
  assert.deepEqual(app.problems(), []);
  await app.close();
});

test('keyboard: / searches, j/k and arrows select, Enter opens, Esc closes then clears', async () => {
  const app = await openApp(browser.context);
  const { page } = app;
  await expect(() => count(page), '5 articles');
  const box = page.getByRole('searchbox', { name: 'Search articles' });

  await page.keyboard.press('/');
  assert.ok(await box.evaluate((el) => el === document.activeElement), '/ focuses the search box');
  await page.keyboard.type('kremlin jk');
  assert.equal(await box.inputValue(), 'kremlin jk', 'letters typed in the box are text, not shortcuts');
  await box.fill('peskov spok');
  await expect(() => count(page), '3 articles');
  const names = await titles(page);

  await page.keyboard.press('ArrowUp');
  assert.ok(await box.evaluate((el) => el === document.activeElement), 'Up in the box stays in the box');
  await page.keyboard.press('ArrowDown');
  await expect(() => focusedName(page), names[0]);
  await page.keyboard.press('j');
  await expect(() => focusedName(page), names[1]);
  await page.keyboard.press('ArrowDown');
  await expect(() => focusedName(page), names[2]);
  await page.keyboard.press('j');
  await expect(() => focusedName(page), names[2], { message: 'stops at the last result' });
  await page.keyboard.press('k');
  await page.keyboard.press('ArrowUp');
  await expect(() => focusedName(page), names[0]);
  // The selection is the focused link, drawn with a visible focus ring.
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(ring, 'solid');

  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  const reader = page.getByRole('region', { name: 'Reader' });
  await reader.getByRole('heading', { level: 1, name: names[1] }).waitFor();
  // j moves on from the open article's result.
  await page.keyboard.press('j');
  await expect(() => focusedName(page), names[2]);

  await page.keyboard.press('Escape');
  await expect(() => reader.count(), 0);
  await expect(() => focusedName(page), names[1], { message: 'focus returns to the closed article' });
  await expect(() => /#q=peskov%20spok$/.test(page.url()), true);
  await page.keyboard.press('Escape');
  await expect(() => count(page), '5 articles');
  assert.equal(await box.inputValue(), '');
  assert.deepEqual(app.problems(), []);
  await app.close();
});

test('? opens the named shortcuts dialog; Esc closes it and focus returns', async () => {
  const app = await openApp(browser.context);
  const { page } = app;
  await expect(() => count(page), '5 articles');
  const first = results(page).getByRole('link').first();
  await first.focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /Next or previous match/);
  await page.keyboard.press('Escape');
  await expect(() => dialog.isVisible(), false);
  assert.ok(await first.evaluate((el) => el === document.activeElement), 'focus is back on the link');
  // Past the pause after which a changed view would be in the URL.
  await page.waitForTimeout(400);
  assert.match(page.url(), /\/$/, 'Esc in the dialog only closed the dialog');

  await page.getByRole('button', { name: 'Shortcuts' }).click();
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(() => dialog.isVisible(), false);
  assert.deepEqual(app.problems(), []);
  await app.close();
});

test('next and previous match step through the marks, kept in the URL', async () => {
  const app = await openApp(browser.context, { hash: `#q=kremlin&article=${KREMLIN_ARTICLE}` });
  const { page } = app;
  const reader = page.getByRole('region', { name: 'Reader' });
  const matches = reader.getByRole('group', { name: 'Matches' });
  const total = await reader.locator('article mark').count();
  assert.ok(total >= 3, `marks: ${total}`);
  await expect(() => matches.getByText(/matches$/).textContent(), `${total} matches`);
  const current = () => reader.locator('mark[aria-current="true"]').evaluateAll((ms) => ms.map((m) => m.textContent));

  await scrollSettled(page);
  await matches.getByRole('button', { name: 'Next match' }).click();
  await expect(() => matches.getByText(/matches$/).textContent(), `1 of ${total} matches`);
  await expect(() => /&match=1$/.test(page.url()), true);
  assert.equal((await current()).length, 1);
  assert.match((await current())[0], /^kremlin/i);
  await page.keyboard.press('n');
  await expect(() => page.url().endsWith('&match=2'), true);
  await page.keyboard.press('N');
  await expect(() => page.url().endsWith('&match=1'), true);
  await scrollSettled(page);
  await matches.getByRole('button', { name: 'Previous match' }).click();
  await expect(() => matches.getByText(/matches$/).textContent(), `${total} of ${total} matches`);
  // The current mark is scrolled into view.
  const inView = () => reader.locator('mark[aria-current="true"]').evaluate((m) => {
    const r = m.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  await expect(inView, true, { message: 'the current match is scrolled into view' });
  assert.deepEqual(app.problems(), []);
  await app.close();

  // A link reopens the same match; a malformed position is ignored.
  const deep = await openApp(browser.context, { hash: `#q=kremlin&article=${KREMLIN_ARTICLE}&match=2` });
  await expect(() => deep.page.getByRole('group', { name: 'Matches' }).getByText(/matches$/).textContent(), `2 of ${total} matches`);
  await deep.close();
  for (const bad of ['abc', '0', '-1', '99999999999999999999', '2x']) {
    const junk = await openApp(browser.context, { hash: `#q=kremlin&article=${KREMLIN_ARTICLE}&match=${bad}` });
    await expect(() => junk.page.getByRole('group', { name: 'Matches' }).getByText(/matches$/).textContent(), `${total} matches`);
    assert.deepEqual(junk.problems(), []);
    await junk.close();
  }
});

test('reading settings: theme, size and typeface persist; bad stored values are ignored', async () => {
  const app = await openApp(browser.context, { hash: `#article=${KREMLIN_ARTICLE}` });
  const { page } = app;
  const body = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const readerText = page.getByText('On Saturday night, Russian President Vladimir Putin');
  await readerText.waitFor();
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await body();
  await page.emulateMedia({ colorScheme: 'dark' });
  const systemDark = await body();
  assert.notEqual(light, systemDark, 'the default theme follows the system');

  const settings = page.getByRole('dialog', { name: 'Reading settings' });
  assert.equal(await settings.isVisible(), false);
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await settings.waitFor();
  await settings.getByLabel('Theme').selectOption({ label: 'Sepia' });
  const sepia = await body();
  assert.ok(![light, systemDark].includes(sepia), `sepia differs: ${sepia}`);
  await settings.getByLabel('Theme').selectOption({ label: 'Light' });
  assert.equal(await body(), light, 'light wins over a dark system');
  const size = () => readerText.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const font = () => readerText.evaluate((p) => getComputedStyle(p).fontFamily);
  const medium = await size();
  await settings.getByLabel('Text size').selectOption({ label: 'Larger' });
  assert.ok((await size()) > medium);
  const serif = await font();
  await settings.getByLabel('Typeface').selectOption({ label: 'Sans-serif' });
  assert.notEqual(await font(), serif);
  await page.keyboard.press('Escape');
  await expect(() => settings.isVisible(), false);

  await page.reload();
  await readerText.waitFor();
  assert.equal(await body(), light, 'kept across visits');
  assert.ok((await size()) > medium);
  await page.getByRole('button', { name: 'Reading settings' }).click();
  assert.equal(await settings.getByLabel('Theme').inputValue(), 'light');

  await page.evaluate(() => {
    localStorage.setItem('dossier.theme', '"><script>alert(1)</script>');
    localStorage.setItem('dossier.size', '9999');
    localStorage.setItem('dossier.font', '');
  });
  await page.reload();
  await readerText.waitFor();
  assert.equal(await body(), systemDark, 'a bad stored theme falls back to the system');
  assert.equal(await size(), medium);
  assert.equal(await page.evaluate(() => document.documentElement.getAttributeNames().filter((n) => n.startsWith('data-')).length), 0);
  await page.evaluate(() => localStorage.clear());
  await page.emulateMedia({ colorScheme: null });
  assert.deepEqual(app.problems(), []);
  await app.close();
});

test('reduced motion turns smooth scrolling off', async () => {
  const app = await openApp(browser.context);
  const { page } = app;
  const behaviour = () => page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  assert.equal(await behaviour(), 'smooth');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  assert.equal(await behaviour(), 'auto');
  await page.emulateMedia({ reducedMotion: null });
  await app.close();
});

test('printing shows the article alone', async () => {
  const app = await openApp(browser.context, { hash: `#q=kremlin&article=${KREMLIN_ARTICLE}` });
  const { page } = app;
  const title = page.getByRole('heading', { level: 1, name: /White House Calls 1st Phone/ });
  await title.waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.ok(await title.isVisible());
  assert.ok(await page.getByText('On Saturday night, Russian President Vladimir Putin').isVisible());
  for (const hidden of [
    page.getByRole('banner'),
    page.getByRole('searchbox'),
    results(page),
    page.getByRole('group', { name: 'Outlet' }),
    page.getByRole('link', { name: 'Back to results' }),
    page.getByRole('button', { name: 'Next match' }),
  ]) {
    assert.equal(await hidden.isVisible(), false, `${hidden} is not printed`);
  }
  assert.equal(await page.locator('button:visible').count(), 0, 'no buttons are printed');
  await page.emulateMedia({ media: null });
  assert.deepEqual(app.problems(), []);
  await app.close();
});

test('the date says where it came from, or that it is unknown; in:comments marks matches in the comments', async () => {
  const app = await openApp(browser.context);
  const { page } = app;
  const meta = (id) => page.goto(`${app.url}#article=${id}`).then(() =>
    page.getByRole('region', { name: 'Reader' }).locator('time').first().textContent());
  await expect(() => meta('001_5b7521358710c2b7'), '27 January 2017 (date from the text)');
  await expect(() => meta('004_70268c23c15025bd'), '14 November 2016 (date from the file)');
  await expect(() => meta('000_9cd2357337d104c1'), 'Date unknown');

  // Comments are searched only when asked, and then their matches are marked and counted.
  await page.goto(`${app.url}#q=${encodeURIComponent('in:comments trump')}&article=${KREMLIN_ARTICLE}`);
  const reader = page.getByRole('region', { name: 'Reader' });
  await reader.getByRole('heading', { level: 1 }).waitFor();
  await reader.getByText(/^\d+ reader comments$/).click();
  const inComments = await reader.getByRole('list', { name: 'Reader comments' }).locator('mark').count();
  assert.ok(inComments > 0, 'matches in the comments are marked');
  const total = Number((await reader.getByRole('group', { name: 'Matches' }).textContent()).match(/(\d+) match(es)?$/)[1]);
  assert.equal(total, await reader.locator('mark').count(), 'the match count includes them');
  assert.deepEqual(app.problems(), []);
  await app.close();
});
