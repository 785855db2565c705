// The ways in that need no server or no network: the single dossier.html
// opened from disk with every request blocked, a second visit through the
// service worker with the server gone, a new build announced to an open page,
// and the hosted app under the strict Content-Security-Policy of the README.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from './expect.mjs';
import { DIST, launch, useBrowser } from './browser.mjs';
import { serve } from '../../scripts/static-server.mjs';

const browser = useBrowser();

const count = (page) => page.getByRole('status').first().textContent();
const titles = (page) => page.getByRole('list', { name: 'Articles' }).getByRole('heading', { level: 2 }).allTextContents();

/** Records console errors, page errors and CSP violations of `page`. */
function watch(page) {
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

test('dossier.html works from file:// with every request blocked: search, filter, open, deep link', async () => {
  const file = pathToFileURL(join(DIST, 'dossier.html')).href;
  const page = await browser.context.newPage();
  const problems = watch(page);
  const requests = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
  });
  await page.route(/^(?!file:|data:)/, (route) => route.abort());

  await page.goto(file);
  await expect(() => count(page), '5 articles');
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('peskov');
  await expect(() => count(page), '3 articles');
  await expect(() => /dossier\.html#q=peskov$/.test(page.url()), true);
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('');
  await expect(() => count(page), '5 articles');
  await page.getByRole('group', { name: 'Outlet' }).getByRole('checkbox', { name: /SouthFront/ }).check();
  await expect(() => count(page), '1 article');
  await page.getByRole('list', { name: 'Articles' }).getByRole('link').first().click();
  await expect(async () => /White House Calls/.test(await page.getByRole('region', { name: 'Reader' }).getByRole('heading', { level: 1 }).textContent()), true);
  await page.goBack();
  await expect(() => count(page), '1 article');

  // A copied link reopens the same view in a fresh tab.
  const deep = await browser.context.newPage();
  const deepProblems = watch(deep);
  await deep.route(/^(?!file:|data:)/, (route) => route.abort());
  await deep.goto(`${file}#q=putin&year=2017`);
  await expect(() => count(deep), '1 article');
  assert.equal(await deep.getByRole('searchbox', { name: 'Search articles' }).inputValue(), 'putin');

  assert.deepEqual(requests, []);
  assert.deepEqual([...problems, ...deepProblems], []);
  await page.close();
  await deep.close();
});

test('dossier.html carries its own CSP, and nothing in it violates it', async () => {
  const html = readFileSync(join(DIST, 'dossier.html'), 'utf8');
  const csp = readFileSync(join(DIST, 'dossier.csp.txt'), 'utf8').trim();
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${csp}">`));
  assert.match(csp, /^default-src 'none'; script-src 'sha256-[^']+' 'wasm-unsafe-eval'; style-src 'sha256-[^']+'/);
  const page = await browser.context.newPage();
  const problems = watch(page);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(pathToFileURL(join(DIST, 'dossier.html')).href + '#q=kremlin');
  await expect(async () => /articles?$/.test(await count(page)), true);
  await page.getByRole('list', { name: 'Articles' }).getByRole('link').first().click();
  await page.getByRole('region', { name: 'Reader' }).getByRole('heading', { level: 1 }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the hosted app runs under the strict CSP with no violation', async () => {
  const policy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
  const { url, stop } = await serve(DIST, 0, { 'Content-Security-Policy': policy });
  const page = await browser.context.newPage();
  const problems = watch(page);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(url + '#q=putin');
  assert.equal(response.headers()['content-security-policy'], policy);
  await expect(async () => /articles?$/.test(await count(page)), true);
  await page.getByRole('list', { name: 'Articles' }).getByRole('link').first().click();
  await page.getByRole('region', { name: 'Reader' }).getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('link', { name: /Back to results/ }).click();
  await page.getByRole('group', { name: 'Year' }).getByRole('checkbox').first().check();
  // The host module mounts an instance under the same policy: its module, wasm and style sheet are the site's own.
  const mounted = await page.evaluate(async () => {
    const { default: start, mount } = await import('./dossier.js');
    await start();
    const el = document.createElement('div');
    document.body.append(el);
    mount(el, { query: 'peskov' });
    await new Promise((r) => setTimeout(r, 500));
    const box = el.shadowRoot.querySelector('.dossier-mount');
    // Only Dossier's style sheet makes the box a size container.
    return `${el.shadowRoot.querySelector('[role=status]').textContent} | ${getComputedStyle(box).containerType}`;
  });
  assert.equal(mounted, '3 articles | inline-size');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await page.close();
  await stop();
});

test('a second visit works offline through the service worker, and a new build is announced', async () => {
  // A copy of dist/, so that the test can stand in for a new build.
  const root = mkdtempSync(join(tmpdir(), 'dossier-sw-'));
  cpSync(DIST, root, { recursive: true });
  const fresh = await launch();
  const { context } = fresh;
  try {
    let { url, stop } = await serve(root);
    const port = new URL(url).port;
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(url);
    await expect(() => count(page), '5 articles');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
      }
      return registration.active.state;
    });
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      return (await (await caches.open(names[0])).keys()).map((r) => new URL(r.url).pathname);
    });
    assert.ok(cached.some((p) => p.endsWith('.wasm')), `the wasm is cached: ${cached}`);
    assert.ok(cached.some((p) => /\/corpus-[0-9a-f]+\.bin$/.test(p)), `the articles are cached: ${cached}`);

    // The server is gone: the app still opens, searches and reads.
    await stop();
    await page.goto(url + '#q=peskov');
    await expect(() => count(page), '3 articles');
    await page.getByRole('list', { name: 'Articles' }).getByRole('link').first().click();
    await page.getByRole('region', { name: 'Reader' }).getByRole('heading', { level: 1 }).waitFor();

    // A new build appears on the same address: the open page says so, and
    // Reload switches to it and drops the old cache.
    const sw = readFileSync(join(root, 'sw.js'), 'utf8').replace(/const CACHE = PREFIX \+ "([0-9a-f]+)"/, 'const CACHE = PREFIX + "$1-next"');
    writeFileSync(join(root, 'sw.js'), sw);
    ({ stop } = await serve(root, Number(port)));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const banner = page.getByRole('status').filter({ hasText: 'A newer version of this dossier is ready.' });
    await banner.waitFor({ timeout: 10000 });
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload' }).click()]);
    await page.getByRole('region', { name: 'Reader' }).getByRole('heading', { level: 1 }).waitFor();
    await expect(async () => (await page.evaluate(() => caches.keys())).map((k) => k.endsWith('-next')), [true]);
    assert.deepEqual(problems.filter((p) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(p)), []);
    await stop();
  } finally {
    await fresh.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('the hosted app loads its articles beside the module, says so when slow, and says why when they fail', async () => {
  const servers = [];
  const { context } = browser;
  // Each case on its own origin, so that no service worker of an earlier one answers.
  const open = async (handler) => {
    const server = await serve(DIST);
    servers.push(server);
    const page = await context.newPage();
    const problems = watch(page);
    await page.route(/\/corpus-[0-9a-f]+\.bin$/, handler);
    await page.goto(server.url);
    return { page, problems };
  };
  try {
    // Slow: a note after a moment, then the app.
    const slow = await open(async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await slow.page.getByRole('status').filter({ hasText: 'Loading the articles…' }).waitFor();
    await expect(() => count(slow.page), '5 articles');
    assert.equal(await slow.page.getByText('Loading the articles…').count(), 0);
    assert.deepEqual(slow.problems, []);
    await slow.page.close();

    // Missing: the reason, with the file's name.
    const missing = await open((route) => route.fulfill({ status: 404, body: 'gone' }));
    await expect(
      async () => /^Dossier could not load its articles \(http:\/\/[^ ]+\/corpus-[0-9a-f]+\.bin: HTTP 404\)\. Reload the page to try again\.$/.test(await missing.page.getByRole('alert').textContent()),
      true,
    );
    assert.equal(await missing.page.getByRole('searchbox').count(), 0);
    await missing.page.close();

    // Damaged, or from another build: said as such.
    const damaged = await open((route) => route.fulfill({ status: 200, body: 'not a corpus' }));
    await expect(
      async () => await damaged.page.getByRole('alert').textContent(),
      'Dossier could not load its articles (the corpus file is damaged or from another build; rebuild the app). Reload the page to try again.',
    );
    await damaged.page.close();
  } finally {
    for (const server of servers) await server.stop();
  }
});
