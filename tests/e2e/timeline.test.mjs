// The timeline and the empty search (issue 5): bars per period that are
// buttons named with their counts; a click, a drag or a click then a
// shift-click sets the date range, kept in the URL and shown as a removable
// chip; undated articles have their own entry; a search that finds nothing
// offers a search that does. The seeds span 2016–2024, so the bars are years:
// one article each in 2016, 2017 and 2024, and two of unknown date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expect } from './expect.mjs';
import { openApp, useBrowser } from './browser.mjs';

const browser = useBrowser();

const count = (page) => page.getByRole('status').textContent();
const timeline = (page) => page.getByRole('group', { name: 'Articles over time' });
const bar = (page, name) => timeline(page).getByRole('button', { name });
const hash = (page) => new URL(page.url()).hash;

test('a bar per year named with its count; a click selects that year, the chip removes it', async () => {
  const app = await openApp(browser.context);
  const { page } = app;
  try {
    await expect(() => count(page), '5 articles');
    const names = await timeline(page).getByRole('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
    assert.deepEqual(names, [
      '2016: 1 article', '2017: 1 article', '2018: 0 articles', '2019: 0 articles', '2020: 0 articles',
      '2021: 0 articles', '2022: 0 articles', '2023: 0 articles', '2024: 1 article',
    ]);

    await bar(page, '2017: 1 article').click();
    await expect(() => count(page), '1 article');
    await expect(() => hash(page), '#from=2017-01-01&to=2017-12-31');
    assert.equal(await bar(page, /^2017/).getAttribute('aria-pressed'), 'true');
    assert.equal(await bar(page, /^2016/).getAttribute('aria-pressed'), 'false');
    // The rest of the histogram stays: each count says what selecting it gives.
    await bar(page, '2016: 1 article').waitFor();
    // The narrow screens' toggle counts it (hidden here, so found by class).
    await expect(() => page.locator('.facets-toggle').textContent(), 'Filters (1)');

    await page.getByRole('button', { name: /1 January 2017 – 31 December 2017/ }).click();
    await expect(() => count(page), '5 articles');
    await expect(() => hash(page), '');
    // Back brings the range back.
    await page.goBack();
    await expect(() => count(page), '1 article');
    // Clicking the selected bar again clears it.
    await bar(page, /^2017/).click();
    await expect(() => count(page), '5 articles');
    assert.deepEqual(app.problems(), []);
  } finally {
    await app.close();
  }
});

test('dragging across bars selects the years between; Clear all clears it', async () => {
  const app = await openApp(browser.context, { hash: '#q=putin' });
  const { page } = app;
  try {
    await expect(() => count(page), '5 articles');
    const box = async (name) => {
      const b = await bar(page, name).boundingBox();
      return [b.x + b.width / 2, b.y + b.height / 2];
    };
    const [x0, y0] = await box(/^2016/);
    const [x1, y1] = await box(/^2017/);
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    await page.mouse.move(x1, y1, { steps: 4 });
    await page.mouse.up();
    await expect(() => count(page), '2 articles');
    await expect(() => hash(page), '#q=putin&from=2016-01-01&to=2017-12-31');
    assert.equal(await bar(page, /^2016/).getAttribute('aria-pressed'), 'true');
    assert.equal(await bar(page, /^2024/).getAttribute('aria-pressed'), 'false');

    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect(() => count(page), '5 articles');
    await expect(() => hash(page), '#q=putin');
    assert.deepEqual(app.problems(), []);
  } finally {
    await app.close();
  }
});

test('from the keyboard: Enter on a bar keeps focus there, a shift-click extends the range', async () => {
  const app = await openApp(browser.context);
  const { page } = app;
  try {
    await expect(() => count(page), '5 articles');
    await bar(page, /^2016/).focus();
    await page.keyboard.press('Enter');
    await expect(() => count(page), '1 article');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), '2016: 1 article');
    await bar(page, /^2024/).click({ modifiers: ['Shift'] });
    await expect(() => count(page), '3 articles');
    await expect(() => hash(page), '#from=2016-01-01&to=2024-12-31');
    await page.getByRole('button', { name: /1 January 2016 – 31 December 2024/ }).waitFor();
    assert.deepEqual(app.problems(), []);
  } finally {
    await app.close();
  }
});

test('a range from a link is shown; malformed dates are ignored; undated articles are reachable', async () => {
  const app = await openApp(browser.context, { hash: '#from=2017-13-01&to=2017-12-31' });
  const { page } = app;
  try {
    // `from` is no date, so only `to` holds: everything dated up to the end of 2017.
    await expect(() => count(page), '2 articles');
    await page.getByRole('button', { name: /… – 31 December 2017/ }).waitFor();
    const undated = page.getByRole('group', { name: 'Time' }).getByRole('checkbox', { name: /Date unknown/ });
    await expect(() => undated.isChecked(), false);
    // With a range too, either (like two values of one facet).
    await undated.check();
    await expect(() => count(page), '4 articles');
    await expect(() => hash(page), '#to=2017-12-31&undated');
    assert.equal(await undated.isChecked(), true);
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-i')), 'undated', 'focus stays on the checkbox');
    await page.getByRole('button', { name: /… – 31 December 2017/ }).click();
    await expect(() => count(page), '2 articles');
    await expect(() => hash(page), '#undated');
    const dates = await page.getByRole('list', { name: 'Articles' }).locator('time').allTextContents();
    assert.deepEqual(dates, ['Date unknown', 'Date unknown']);
    await undated.uncheck();
    await expect(() => count(page), '5 articles');
    await expect(() => hash(page), '');
    assert.deepEqual(app.problems(), []);
  } finally {
    await app.close();
  }
});

test('a search that finds nothing offers a correction as a link', async () => {
  const app = await openApp(browser.context);
  const { page } = app;
  try {
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('pezkof');
    await expect(() => count(page), 'No articles match “pezkof”.');
    await page.getByRole('link', { name: 'Search for “peskov” instead' }).click();
    await expect(() => count(page), '3 articles');
    await expect(() => hash(page), '#q=peskov');
    // Nothing to offer when no word is near any: the count alone explains.
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('zzqxv');
    await expect(() => count(page), 'No articles match “zzqxv”.');
    assert.equal(await page.getByRole('link', { name: /instead/ }).count(), 0);
    assert.deepEqual(app.problems(), []);
  } finally {
    await app.close();
  }
});
