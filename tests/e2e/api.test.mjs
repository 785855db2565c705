// The module's `search(query, options?)` without UI, as a host page calls it
// once the wasm-bindgen init has resolved: plain objects, UTF-16 highlight
// ranges, and bad options named in a warning instead of failing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useBrowser } from './browser.mjs';

const browser = useBrowser();
let app;
before(async () => {
  await browser.ready;
  app = await openApp(browser.context);
  await app.page.getByRole('status').waitFor();
});
after(async () => {
  await app?.close();
});

/** Imports the page's own glue module and calls its `search`, as a host page would. */
const search = (query, options) =>
  app.page.evaluate(
    async ([query, options]) => {
      const src = document.querySelector('link[rel=modulepreload]').href;
      const module = await import(src);
      return module.search(query, options);
    },
    [query, options],
  );

test('search returns plain objects with the documented fields', async () => {
  const hits = await search('peskov');
  assert.equal(hits.length, 3);
  for (const hit of hits) {
    assert.deepEqual(Object.keys(hit).sort(), ['date', 'highlights', 'id', 'outlet', 'score', 'snippet', 'title']);
    assert.equal(typeof hit.id, 'string');
    assert.equal(typeof hit.score, 'number');
    assert.ok(hit.date === null || /^\d{4}-\d{2}-\d{2}$/.test(hit.date), hit.date);
    assert.ok(Array.isArray(hit.highlights.snippet));
    for (const [start, end] of hit.highlights.snippet) {
      assert.match(hit.snippet.slice(start, end), /^peskov/i);
    }
  }
  assert.ok(hits[0].score >= hits[1].score && hits[1].score >= hits[2].score);
});

test('options limit, sort and filter the results', async () => {
  assert.equal((await search('putin', { limit: 2 })).length, 2);
  const newest = await search('', { sort: 'newest', limit: 5 });
  const dates = newest.map((h) => h.date).filter(Boolean);
  assert.deepEqual(dates, [...dates].sort().reverse());
  const southfront = await search('', { filters: { outlet: ['SouthFront'] } });
  assert.deepEqual(southfront.map((h) => h.outlet), ['SouthFront']);
  const dated = await search('', { from: '2017-01-01', to: '2017-12-31', limit: 10 });
  assert.ok(dated.length > 0 && dated.every((h) => h.date.startsWith('2017')), JSON.stringify(dated.map((h) => h.date)));
});

test('bad options warn, name the option, and fall back to the default', async () => {
  const warnings = [];
  const listener = (m) => m.type() === 'warning' && warnings.push(m.text());
  app.page.on('console', listener);
  const hits = await search('putin', { limit: 'lots', sort: 'sideways', colour: 'red', filters: { outlet: 3 }, from: 'yesterday' });
  assert.deepEqual(hits, await search('putin'), 'the query runs with the default options');
  await search(42, null);
  await search('putin', 'not an object');
  app.page.off('console', listener);
  const all = warnings.join('\n');
  for (const name of ['search options.limit', 'search options.sort', 'search options.colour', 'search options.filters.outlet', 'search options.from']) {
    assert.ok(all.includes(name), `a warning names ${name}:\n${all}`);
  }
  assert.match(all, /expects a string/);
  assert.match(all, /should be an object/);
});

test('hostile queries return in bounded time without throwing', async () => {
  for (const q of ['"', '-', 'year:abc', 'a'.repeat(100000), '((( OR OR -"', '\u0000\uffff\ud800', 'title:"unterminated']) {
    const hits = await search(q, { limit: 1000 });
    assert.ok(Array.isArray(hits), q.slice(0, 20));
  }
});
