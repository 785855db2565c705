// Article text is untrusted: a seed full of markup and script is built into
// its own app and shown as literal text, with no element made from it and no
// script run. The same build also has three plain articles, so that its dates
// span five months: the timeline then counts months, which the seeds (2016 to
// 2024, counted in years) never show. Not a *.test.mjs file: the build takes minutes, longer than the
// per-file timeout of the other e2e tests, so scripts/test.sh runs it alone:
//   node --test --test-timeout=900000 tests/e2e/untrusted-text.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from './expect.mjs';
import { launch, openApp, ROOT } from './browser.mjs';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
];

const ARTICLE = `Hostile markup reaches the reader

By Mallory Example

Published 12 March 2021

The scraped page carried a script tag, <script>alert(1)</script>, inside the body text of the report.

It also carried an image tag, <img src=x onerror=alert(1)>, that a careless renderer would load.

And a link whose text was javascript:alert(1) as if it were a web address.
`;

// Dated November 2020 to March 2021 with the hostile one: a span of months.
const PLAIN = [
  ['001_november.txt', 'Talks resume in the capital', '3 November 2020'],
  ['002_january.txt', 'A second round of talks ends', '14 January 2021'],
  ['003_february.txt', 'Negotiators publish a joint statement', '20 February 2021'],
].map(([file, title, date]) => [file, `${title}\n\nBy Ada Reporter\n\nPublished ${date}\n\nThe delegations met again and agreed to keep talking about trade and security.\n\nA further meeting is planned, officials said on the record.\n`]);

// Fourteen short wire reports from February 2021: more results than the
// list draws before its first paint (the rest follow a frame later).
const WIRE = Array.from({ length: 14 }, (_, i) => [
  `1${String(i).padStart(2, '0')}_wire.txt`,
  `Ceasefire bulletin number ${i + 1}\n\nBy Wire Desk\n\nPublished ${i + 1} February 2021\n\nThe ceasefire held for another day, monitors said in bulletin ${i + 1}.\n\nBoth sides reported quiet along the line.\n`,
]);

let work;
let dist;
let browser;
before(async () => {
  work = mkdtempSync(join(tmpdir(), 'dossier-untrusted-'));
  const seeds = join(work, 'seeds');
  dist = join(work, 'dist');
  mkdirSync(seeds);
  writeFileSync(join(seeds, '000_hostile.txt'), ARTICLE);
  for (const [file, text] of [...PLAIN, ...WIRE]) writeFileSync(join(seeds, file), text);
  // The curator's catalog is trusted more, but its tags are still text, and
  // its url a link only because the build accepted it as http(s).
  writeFileSync(
    join(seeds, 'catalog.toml'),
    '["000_hostile.txt"]\nurl = "https://example.org/report?a=1&b=2"\ntags = ["<b>bold</b>", "fact-check"]\n',
  );
  try {
    execFileSync('trunk', ['build', '--release', '--dist', dist], {
      cwd: ROOT,
      env: {
        ...process.env,
        DOSSIER_SEEDS: seeds,
        PATH: `${join(homedir(), '.cargo', 'bin')}:${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    throw new Error(`trunk build on the hostile seeds failed:\n${e.stdout}\n${e.stderr}`);
  }
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('markup and script in article text are shown as text and never run', { timeout: 60_000 }, async () => {
  const app = await openApp(browser.context, { dist });
  // Closed whatever happens: a server left open would hold the run until its long timeout.
  try {
    const { page } = app;
    const dialogs = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const box = page.getByRole('searchbox', { name: 'Search articles' });
    await box.fill('onerror');
    await expect(() => page.getByRole('status').textContent(), '1 article');
    const snippet = await page.getByRole('list', { name: 'Articles' }).getByRole('listitem').first().textContent();
    assert.ok(snippet.includes('onerror'), `snippet: ${snippet}`);
    await page.getByRole('link', { name: /Hostile markup reaches the reader/ }).click();
    const article = page.getByRole('article');
    await article.getByRole('heading', { level: 1, name: /Hostile markup/ }).waitFor();
    // Give any injected handler the chance to fire before concluding none did.
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, [], 'no script ran');
    const made = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('alert')).length,
      inMain: document.querySelectorAll('main script, main img, main iframe, main [onerror]').length,
      images: document.images.length,
      jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
    }));
    assert.deepEqual(made, { scripts: 0, inMain: 0, images: 0, jsLinks: 0 }, 'no element was made from article text');
    const text = await article.textContent();
    for (const h of HOSTILE) assert.ok(text.includes(h), `shown literally: ${h}`);
    // The catalog's url and tags: a plain link and literal text.
    const source = article.getByRole('link', { name: 'Original article' });
    assert.equal(await source.getAttribute('href'), 'https://example.org/report?a=1&b=2');
    assert.equal(await source.getAttribute('rel'), 'noopener noreferrer');
    assert.ok(text.includes('Tags: <b>bold</b>, fact-check'), 'tags shown literally');
    assert.equal(await page.evaluate(() => document.querySelectorAll('main b').length), 0);
    assert.deepEqual(app.problems(), []);
  } finally {
    await app.close();
  }
});

test('a span of months: a bar per month, gaps included, a click and a drag select months', { timeout: 60_000 }, async () => {
  const app = await openApp(browser.context, { dist });
  try {
    const { page } = app;
    const count = () => page.getByRole('status').first().textContent();
    const timeline = page.getByRole('group', { name: 'Articles over time' });
    await expect(count, '18 articles');
    const names = await timeline.getByRole('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
    assert.deepEqual(names, [
      'November 2020: 1 article', 'December 2020: 0 articles', 'January 2021: 1 article',
      'February 2021: 15 articles', 'March 2021: 1 article',
    ]);
    await timeline.getByRole('button', { name: 'February 2021: 15 articles' }).click();
    await expect(count, '15 articles');
    await expect(() => new URL(page.url()).hash, '#from=2021-02-01&to=2021-02-28');
    await page.getByRole('button', { name: /1 February 2021 – 28 February 2021/ }).click();
    await expect(count, '18 articles');
    // A drag from November to January selects the three months.
    await timeline.getByRole('button', { name: /^November 2020/ }).hover();
    await page.mouse.down();
    await timeline.getByRole('button', { name: /^January 2021/ }).hover();
    await page.mouse.up();
    await expect(count, '2 articles');
    await expect(() => new URL(page.url()).hash, '#from=2020-11-01&to=2021-01-31');
    assert.deepEqual(app.problems(), []);
  } finally {
    await app.close();
  }
});

test('a long result list: every hit is listed once, the keyboard reaches the last, a new search leaves none behind', { timeout: 60_000 }, async () => {
  const app = await openApp(browser.context, { dist, hash: '#q=ceasefire&sort=oldest' });
  try {
    const { page } = app;
    // Short, so that most cards are off screen when the reader opens.
    await page.setViewportSize({ width: 1280, height: 400 });
    const list = page.getByRole('list', { name: 'Articles' });
    const titles = () => list.getByRole('heading', { level: 2 }).allTextContents();
    await expect(() => page.getByRole('status').first().textContent(), '14 articles');
    const all = WIRE.map((_, i) => `Ceasefire bulletin number ${i + 1}`);
    await expect(titles, all);
    // j moves through the whole list, past the first screenful; Enter opens.
    await page.keyboard.press('/');
    await page.keyboard.press('ArrowDown');
    for (let i = 1; i < 14; i++) await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Reader' }).getByRole('heading', { level: 1, name: 'Ceasefire bulletin number 14' }).waitFor();
    // Every card fits the narrower list beside the reader, the ones laid out
    // while it was one pane too.
    const widths = await list.evaluate((ol) => [ol.getBoundingClientRect().width, ...[...ol.children].map((li) => li.getBoundingClientRect().width)]);
    assert.ok(widths.slice(1).every((w) => w <= widths[0] + 0.5), `list and card widths: ${widths.join(', ')}`);
    // Typing another search while the long list is drawn leaves only its hits.
    const box = page.getByRole('searchbox', { name: 'Search articles' });
    await box.fill('ceasefire');
    await box.pressSequentially(' monitors quiet', { delay: 0 });
    await box.fill('delegations');
    await expect(() => page.getByRole('status').first().textContent(), '3 articles');
    await page.waitForTimeout(200);
    assert.deepEqual((await titles()).sort(), ['A second round of talks ends', 'Negotiators publish a joint statement', 'Talks resume in the capital']);
    assert.deepEqual(app.problems(), []);
  } finally {
    await app.close();
  }
});
