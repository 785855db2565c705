// Script embedding on examples/embed.html: two instances mounted from the host
// module dist/dossier.js (<dossier-viewer> and mount()) beside the host's own
// hostile CSS. Each keeps its own state, neither takes the host's CSS nor
// gives it theirs, the handle drives its instance, bad options are named in
// warnings, and destroy() leaves no element and no listener behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { expect } from './expect.mjs';
import { DIST, ROOT, openApp, useBrowser } from './browser.mjs';

const browser = useBrowser({ serveRoot: true });

const distPath = relative(ROOT, DIST);

async function openHost() {
  const page = await browser.context.newPage();
  const problems = [];
  const warnings = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
    if (m.type() === 'error') problems.push(`error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${browser.base}examples/embed.html?dist=../${distPath}`);
  const viewer = page.locator('#viewer');
  const mounted = page.locator('#mounted');
  const count = (where) => () => where.getByRole('status').first().textContent();
  await expect(count(viewer), '3 articles');
  await expect(count(mounted), '1 article');
  return { page, viewer, mounted, count, problems, warnings };
}

test('two mounted instances keep separate state and leave the host URL alone', async () => {
  const { page, viewer, mounted, count, problems, warnings } = await openHost();
  const viewerBox = viewer.getByRole('searchbox', { name: 'Search articles' });
  const mountedBox = mounted.getByRole('searchbox', { name: 'Search articles' });
  assert.equal(await viewerBox.inputValue(), 'peskov');
  assert.equal(await mountedBox.inputValue(), 'hollande');

  await viewerBox.fill('putin');
  await expect(count(viewer), '5 articles');
  assert.equal(await mountedBox.inputValue(), 'hollande', 'typing in one instance leaves the other alone');
  await expect(count(mounted), '1 article');

  // Opening an article: the reader shows in that instance only, the host hears of it, its URL stays.
  const urlBefore = page.url();
  const historyBefore = await page.evaluate(() => history.length);
  await mounted.getByRole('list', { name: 'Articles' }).getByRole('link').first().click();
  const title = mounted.getByRole('region', { name: 'Reader' }).getByRole('heading', { level: 1 });
  await title.waitFor();
  await expect(() => page.locator('#opened').textContent(), `Opened: ${await title.textContent()}`);
  assert.equal(await viewer.getByRole('region', { name: 'Reader' }).count(), 0);
  assert.equal(page.url(), urlBefore);
  assert.equal(await page.evaluate(() => history.length), historyBefore);
  assert.equal(await page.title(), 'A page embedding a dossier', 'a mounted instance leaves the title alone');

  // Its links work in place: the back link returns to its list.
  await mounted.getByRole('link', { name: 'Back to results' }).click();
  await mounted.getByRole('list', { name: 'Articles' }).waitFor();
  assert.equal(page.url(), urlBefore);

  // Its shortcuts are its own: "/" from one of its results focuses its own search box.
  await mounted.getByRole('list', { name: 'Articles' }).getByRole('link').first().focus();
  await page.keyboard.press('/');
  assert.equal(await mountedBox.evaluate((e) => e.getRootNode().activeElement === e), true);
  assert.equal(await viewerBox.evaluate((e) => e.getRootNode().activeElement === e), false);

  assert.deepEqual(problems, []);
  assert.deepEqual(warnings, []);
  await page.close();
});

test("the host's CSS does not reach a mounted instance, and the instance's does not reach the host", async () => {
  const styleOf = (page, root) =>
    page.evaluate((root) => {
      const scope = root ? document.querySelector(root).shadowRoot : document;
      const pick = (selector, props) => {
        const s = getComputedStyle(scope.querySelector(selector));
        return Object.fromEntries(props.map((p) => [p, s[p]]));
      };
      return {
        input: pick('input[type=search]', ['fontSize', 'fontFamily', 'boxSizing', 'paddingTop', 'borderTopStyle']),
        title: pick('.card-title', ['fontSize', 'fontFamily', 'marginBottom']),
        card: pick('.card', ['boxSizing', 'paddingLeft', 'backgroundColor']),
        mark: pick('mark', ['backgroundColor', 'color']),
      };
    }, root);
  const { page, problems } = await openHost();
  const mounted = await styleOf(page, '#mounted');
  // The same elements in the app on its own page as wide as the instance, as the reference.
  const width = await page.locator('#mounted .dossier-mount').evaluate((e) => Math.round(e.getBoundingClientRect().width));
  const app = await openApp(browser.context, { hash: '#embed&q=hollande' });
  await app.page.setViewportSize({ width, height: 900 });
  await app.page.getByRole('list', { name: 'Articles' }).getByRole('link').first().waitFor();
  assert.deepEqual(mounted, await styleOf(app.page, null));
  await app.close();

  // The host keeps its own look: its fonts, its marks, no new style sheet in its document.
  const host = await page.evaluate(() => ({
    font: getComputedStyle(document.querySelector('main > h1')).fontFamily,
    size: getComputedStyle(document.querySelector('main > p')).fontSize,
    sheets: document.styleSheets.length,
  }));
  assert.match(host.font, /Comic Sans/);
  assert.equal(host.size, '20px');
  assert.equal(host.sheets, 1, "the instances' style sheets live in their shadow roots");
  assert.deepEqual(problems, []);
  await page.close();
});

test('the handle searches, sets the query, changes theme; <dossier-viewer> follows its attributes', async () => {
  const { page, viewer, mounted, count, problems } = await openHost();
  const hits = await page.evaluate(() => window.mounted.search('peskov', { filters: { year: ['2017'] } }));
  assert.ok(hits.length >= 1 && hits.every((h) => h.date.startsWith('2017')));
  assert.deepEqual(Object.keys(hits[0]).sort(), ['date', 'highlights', 'id', 'outlet', 'score', 'snippet', 'title']);
  await expect(count(mounted), hits.length === 1 ? '1 article' : `${hits.length} articles`);
  assert.equal(await mounted.getByRole('searchbox').inputValue(), 'peskov');
  // The instance is narrow, so its filters fold behind a button, as on a phone.
  await mounted.getByRole('button', { name: 'Filters (1)' }).click();
  assert.equal(await mounted.getByRole('checkbox', { name: /^2017/ }).isChecked(), true);

  await page.evaluate(() => window.mounted.setQuery('ukraine'));
  assert.equal(await mounted.getByRole('searchbox').inputValue(), 'ukraine');
  const background = () => mounted.locator('.dossier-mount').evaluate((e) => getComputedStyle(e).backgroundColor);
  const light = await background();
  await page.evaluate(() => window.mounted.setTheme('dark'));
  assert.notEqual(await background(), light);

  await page.evaluate(() => document.getElementById('viewer').setAttribute('query', 'ukraine'));
  assert.equal(await viewer.getByRole('searchbox').inputValue(), 'ukraine');
  await expect(count(viewer), '3 articles');
  // setQuery kept the filters search() set: no article of 2017 names Ukraine.
  await expect(count(mounted), 'No articles match “ukraine”.');
  assert.deepEqual(problems, []);
  await page.close();
});

test('<dossier-viewer show-reader="false"> only reports the article opened; removing it destroys it', async () => {
  const { page, problems } = await openHost();
  await page.evaluate(() => {
    const el = document.createElement('dossier-viewer');
    el.id = 'quiet';
    el.setAttribute('query', 'hollande');
    el.setAttribute('show-reader', 'false');
    el.setAttribute('page-size', '1');
    el.addEventListener('dossier-open', (e) => (window.opened = e.detail));
    document.body.append(el);
  });
  const quiet = page.locator('#quiet');
  await quiet.getByRole('list', { name: 'Articles' }).getByRole('link').first().click();
  await expect(() => page.evaluate(() => window.opened?.title ?? null), await quiet.getByRole('list', { name: 'Articles' }).getByRole('link').first().textContent());
  assert.equal(await quiet.getByRole('region', { name: 'Reader' }).count(), 0);
  assert.equal(await page.evaluate(() => Object.keys(window.opened).sort().join()), 'date,id,outlet,title');
  // page-size="1": an empty query lists one of the five.
  await page.evaluate(() => document.getElementById('quiet').dossier.setQuery(''));
  await expect(() => quiet.getByRole('list', { name: 'Articles' }).getByRole('listitem').count(), 1);
  const left = await page.evaluate(() => {
    const el = document.getElementById('quiet');
    el.remove();
    return el.shadowRoot.childNodes.length;
  });
  assert.equal(left, 0, 'a removed <dossier-viewer> empties its shadow root');
  assert.deepEqual(problems, []);
  await page.close();
});

test('bad options are named in warnings and fall back to their defaults; mount needs the module loaded', async () => {
  const { page, warnings, problems } = await openHost();
  const result = await page.evaluate(async (dist) => {
    const dossier = await import(`${dist}/dossier.js`);
    const el = document.createElement('div');
    document.body.append(el);
    const handle = dossier.mount(el, { query: 42, pageSize: -3, theme: 'neon', showReader: 'yes', colour: 'red', filters: { year: 2017 } });
    await new Promise((r) => setTimeout(r, 100));
    const status = el.shadowRoot.querySelector('[role=status]').textContent;
    handle.destroy();
    let bad;
    try {
      dossier.mount('not an element');
    } catch (e) {
      bad = e.message;
    }
    return { status, bad };
  }, `../${distPath}`);
  assert.equal(result.status, '5 articles', 'an instance with only bad options shows everything');
  for (const named of ['mount options.query', 'mount options.pageSize', 'neon', 'mount options.showReader', 'mount options.colour', 'mount options.filters.year']) {
    assert.ok(warnings.some((w) => w.includes(named)), `a warning names ${named}: ${warnings.join(' | ')}`);
  }
  assert.match(result.bad, /needs an HTML element/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('destroy() removes the instance and every listener it added', async () => {
  const { page, problems } = await openHost();
  const cdp = await page.context().newCDPSession(page);
  const listeners = async (expression) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: -1, pierce: true });
    return listeners.length;
  };
  await page.evaluate(() => {
    window.host = document.createElement('div');
    document.body.append(window.host);
  });
  const before = { window: await listeners('window'), host: await listeners('window.host') };
  // With the URL hash, the instance listens on the window too.
  await page.evaluate(async (dist) => {
    const dossier = await import(`${dist}/dossier.js`);
    window.extra = dossier.mount(window.host, { useHash: true, query: 'putin' });
    window.extra.on('open', () => {});
  }, `../${distPath}`);
  await page.waitForTimeout(100);
  const during = { window: await listeners('window'), host: await listeners('window.host') };
  assert.ok(during.window > before.window, `the instance listens on the window (${before.window} → ${during.window})`);
  assert.ok(during.host > before.host, 'and on its own elements');

  await page.evaluate(() => window.extra.destroy());
  assert.deepEqual({ window: await listeners('window'), host: await listeners('window.host') }, before);
  assert.equal(await page.evaluate(() => window.host.shadowRoot.childNodes.length), 0);
  // The handle is inert afterwards, and destroying twice is harmless.
  assert.deepEqual(await page.evaluate(() => (window.extra.setQuery('x'), window.extra.destroy(), window.extra.search('putin'))), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('an instance destroyed right after a change leaves nothing scheduled to run', async () => {
  const { page, problems } = await openHost();
  await page.evaluate(async (dist) => {
    const dossier = await import(`${dist}/dossier.js`);
    const host = document.createElement('div');
    document.body.append(host);
    const painted = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    const instance = dossier.mount(host, { query: 'putin' });
    await painted();
    // A change schedules the rest of the page for when the typing pauses
    // (120 ms after the paint); the instance is gone before then.
    instance.setQuery('trump');
    await painted();
    instance.destroy();
  }, `../${distPath}`);
  await page.waitForTimeout(400);
  assert.deepEqual(problems, []);
  await page.close();
});
