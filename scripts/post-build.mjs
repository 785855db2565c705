// Trunk's post-build hook (Trunk.toml): turns Trunk's output into what Dossier
// ships, in the staging folder before it becomes dist/.
//   - The inline bootstrap script moves into a file, so that the hosted app
//     runs under a strict Content-Security-Policy (script-src 'self').
//   - The bootstrap registers a service worker (sw.js) that caches every asset
//     under a name derived from their content, and says when a newer build is ready.
//   - The corpus moves out of the module into corpus-HASH.bin, which the
//     page fetches alongside it (src/corpus_data.rs says why).
//   - A web app manifest and its icon.
//   - dossier.html: the whole app in one file (CSS, JS, the gzipped wasm and
//     corpus inlined), for file://, e-mail or a USB stick, carrying its own CSP.
//   - dossier.js: the ES module for host pages (mount, <dossier-viewer>, search).
//   - Release builds minify the JS with terser (Trunk's own minifier fails on
//     wasm-bindgen's output and leaves it as is).
// Run by hand: TRUNK_STAGING_DIR=dist TRUNK_PROFILE=release node scripts/post-build.mjs
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run by Trunk, or set it to a built dist/)');
  process.exit(1);
}
const release = process.env.TRUNK_PROFILE === 'release';
const read = (name) => readFileSync(join(dir, name), 'utf8');
const write = (name, text) => writeFileSync(join(dir, name), text);
const hash = (data, n = 16) => createHash('sha256').update(data).digest('hex').slice(0, n);
const files = readdirSync(dir);
const one = (re, what) => {
  const found = files.filter((f) => re.test(f));
  if (found.length !== 1) throw new Error(`post-build: expected one ${what} in ${dir}, found ${found.join(', ') || 'none'}`);
  return found[0];
};
const glueName = one(/^dossier-app-[0-9a-f]+\.js$/, 'wasm-bindgen JS file');
const wasmName = one(/^dossier-app-[0-9a-f]+_bg\.wasm$/, 'wasm file');
// The style sheets in the order index.html links them.
const cssNames = [...read('index.html').matchAll(/<link[^>]*href="?\.?\/?([^" >]+\.css)"?[^>]*>/g)].map((m) => m[1]);

// Leptos always links server_fn, whose wasm-streams dependency exports three
// stream adapter classes (IntoUnderlyingSource, ...). A client-side app never
// calls them, but as exports they cannot be dropped by the linker; they and
// the future-to-promise code behind them cost about 2 kB brotli. Remove them
// from the glue and the module, then let wasm-opt drop what they alone used.
const STREAM_EXPORT = /^(__wbg_)?intounderlying/;
// The corpus travels beside the module (src/corpus_data.rs): the build stores
// it in this custom section, and it moves here into its own file.
const CORPUS_SECTION = 'dossier-corpus';

/** Rewrites the module: drops the stream adapters' exports, takes out the
 * corpus section and returns the glue without the adapters, and the corpus. */
function splitModule(glue, wasmPath) {
  const trimmed = glue
    .replace(/^export class (IntoUnderlying\w+) \{[\s\S]*?^\}\n(if \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n)?/gm, '')
    .replace(/^const IntoUnderlying\w+Finalization = [\s\S]*?;\n/gm, '');
  if (/IntoUnderlying|intounderlying/.test(trimmed)) {
    throw new Error('post-build: the wasm-bindgen glue changed shape around the wasm-streams classes; update splitModule');
  }
  const b = readFileSync(wasmPath);
  let p = 8;
  const leb = () => {
    let r = 0, shift = 0, x;
    do { x = b[p++]; r |= (x & 0x7f) << shift; shift += 7; } while (x & 0x80);
    return r >>> 0;
  };
  const enc = (n) => {
    const out = [];
    do { let x = n & 0x7f; n >>>= 7; if (n) x |= 0x80; out.push(x); } while (n);
    return Buffer.from(out);
  };
  const parts = [b.subarray(0, 8)];
  let dropped = 0, corpus = null;
  while (p < b.length) {
    const start = p;
    const id = b[p++];
    const end = leb() + p;
    if (id === 7) {
      const kept = [];
      for (let n = leb(); n > 0; n--) {
        const at = p;
        const len = leb();
        const name = b.subarray(p, p + len).toString();
        p += len + 1;
        leb();
        if (STREAM_EXPORT.test(name)) dropped++;
        else kept.push(b.subarray(at, p));
      }
      const body = Buffer.concat([enc(kept.length), ...kept]);
      parts.push(Buffer.from([7]), enc(body.length), body);
    } else if (id === 0 && b.subarray(p + 1, p + 1 + b[p]).toString() === CORPUS_SECTION) {
      if (corpus) throw new Error(`post-build: two ${CORPUS_SECTION} sections in the wasm`);
      corpus = b.subarray(p + 1 + b[p], end);
    } else {
      parts.push(b.subarray(start, end));
    }
    p = end;
  }
  if (dropped === 0) throw new Error('post-build: no wasm-streams export found in the wasm; update splitModule');
  if (!corpus) throw new Error(`post-build: no ${CORPUS_SECTION} section in the wasm (src/corpus_data.rs puts it there)`);
  writeFileSync(wasmPath, Buffer.concat(parts));
  if (release) optimizeForBrotli(wasmPath);
  // A `#[used]` on the section's static also copies it into the data segment.
  if (corpus.length > 1024 && readFileSync(wasmPath).includes(corpus.subarray(512, 1024))) {
    throw new Error('post-build: the corpus is still in the module\'s data (src/corpus_data.rs)');
  }
  return { glue: trimmed, corpus };
}

// Brotli's result swings by a few kB with the order of the same code, so the
// module is optimised with a few equivalent wasm-opt pipelines and the one that
// compresses smallest ships.
function optimizeForBrotli(wasmPath) {
  const wasmOpt = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.bin', 'wasm-opt');
  const features = ['bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'reference-types', 'multivalue'];
  // DOSSIER_WASM_NAMES=1 keeps function names, for profiles; sizes then mean nothing.
  const names = process.env.DOSSIER_WASM_NAMES ? ['-g'] : [];
  const pipelines = [['-Oz'], ['-Oz', '-Oz'], ['-Os'], ['-Oz', '--flatten', '--rereloop', '-Oz'], ['-Oz', '--flatten', '--rereloop', '-Oz', '-Oz'], ['-Oz', '--reorder-locals']];
  const input = readFileSync(wasmPath);
  let best;
  for (const passes of pipelines) {
    const out = `${wasmPath}.candidate`;
    execFileSync(wasmOpt, [...features.map((f) => `--enable-${f}`), ...names, ...passes, wasmPath, '-o', out]);
    const bytes = readFileSync(out);
    const size = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    if (!best || size < best.size) best = { size, bytes, passes };
  }
  rmSync(`${wasmPath}.candidate`);
  writeFileSync(wasmPath, best.size < brotliCompressSync(input, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length ? best.bytes : input);
  console.log(`post-build: wasm-opt ${best.passes.join(' ')} compresses smallest (${best.size} B brotli)`);
}

const terse = async (code) =>
  release ? (await minify(code, { module: true, toplevel: true, compress: { passes: 3, pure_getters: true }, mangle: true })).code : code;

let html = read('index.html');
const inline = html.match(/<script type="?module"?>([\s\S]*?)<\/script>/);
if (!inline) throw new Error('post-build: Trunk\'s bootstrap script was not found in index.html');

// Shown when a newer build has been cached: the page keeps running the old one
// until the reader chooses to reload, so no open article is lost.
const serviceWorkerClient = `
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  const offer = (worker) => {
    if (!navigator.serviceWorker.controller || document.querySelector('.update-banner')) return;
    const banner = document.createElement('div');
    banner.className = 'update-banner';
    banner.setAttribute('role', 'status');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Reload';
    button.addEventListener('click', () => worker.postMessage('dossier:skip-waiting'));
    banner.append('A newer version of this dossier is ready. ', button);
    document.body.append(banner);
  };
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading || !document.querySelector('.update-banner')) return;
    reloading = true;
    location.reload();
  });
  navigator.serviceWorker.register('./sw.js').then((registration) => {
    if (registration.waiting) offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed') offer(worker);
      });
    });
  }, (error) => console.warn('Dossier: offline copy unavailable:', error.message));
}
`;

// iframe mode (index.html#embed): a compact view that tells the host page its
// height and takes {type: "dossier:navigate", query, filters} from it. Anything
// else the parent posts is ignored. Plain JS beside the app: the app only
// keeps "embed" in its URLs, and links that drop it get it back here.
const embedClient = `
{
  const EMBED = /(?:^#|&)embed(?:=[^&]*)?(?:&|$)/;
  if (EMBED.test(location.hash)) {
    document.documentElement.classList.add('embedded');
    addEventListener('hashchange', () => {
      if (!EMBED.test(location.hash)) history.replaceState(null, '', '#embed' + (location.hash.length > 1 ? '&' + location.hash.slice(1) : ''));
    });
    if (window.parent !== window) {
      let last = -1;
      const report = () => {
        const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
        if (height !== last) parent.postMessage({ type: 'dossier:resize', height: (last = height) }, '*');
      };
      new ResizeObserver(report).observe(document.documentElement);
      const FACETS = ['outlet', 'year', 'person', 'place', 'org'];
      const plain = (v) => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
      const text = (v) => typeof v === 'string' && v.length <= 2000;
      const values = (v) => text(v) || (Array.isArray(v) && v.length <= 50 && v.every(text));
      const valid = (d) =>
        plain(d) && d.type === 'dossier:navigate' &&
        Object.keys(d).every((k) => ['type', 'query', 'filters'].includes(k)) &&
        (d.query === undefined || text(d.query)) &&
        (d.filters === undefined || (plain(d.filters) && Object.entries(d.filters).every(([k, v]) => FACETS.includes(k) && values(v))));
      addEventListener('message', (event) => {
        if (event.source !== window.parent || !valid(event.data)) return;
        const { query = '', filters = {} } = event.data;
        const pairs = ['embed'];
        if (query) pairs.push('q=' + encodeURIComponent(query));
        for (const key of FACETS) for (const v of [].concat(filters[key] ?? [])) pairs.push(key + '=' + encodeURIComponent(v));
        const oldURL = location.href;
        // Replace, not push: the host page's Back button stays the host's.
        history.replaceState(null, '', '#' + pairs.join('&'));
        dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: location.href }));
      });
    }
  }
}
`;

// The one JS module: the wasm-bindgen glue, then what host pages use (the
// loader as its default export, search(), mount() into a shadow root, the
// <dossier-viewer> element) and what the page's bootstrap uses (initWasm,
// loadCorpus, startPage). One file, not the glue plus a host module that
// imports it: each import is a round trip before any wasm compiles. Its name
// does not change between builds, so host pages can link it; the page imports
// it as dossier.js?v=HASH, so that no cache serves it an older build.
const hostModule = (glue, wasm, corpus, style) => `
${glue}
export { search, loadCorpus, startPage, __wbg_init as initWasm };
const here = (name) => new URL('./' + name, import.meta.url);
const STYLE = here('${style}').href;
let started, ready = false;
/**
 * Loads the wasm and the articles once, by default from beside this file;
 * mount() and search() need them loaded. options.module_or_path and
 * options.corpus (a URL, or the bytes) load them from elsewhere.
 */
export default function start(options = {}) {
  return (started ??= (async () => {
    const corpus = options.corpus instanceof ArrayBuffer || ArrayBuffer.isView(options.corpus)
      ? options.corpus
      : fetch(options.corpus ?? here('${corpus}')).then((r) => {
          if (!r.ok) throw new Error('Dossier: cannot load the articles (' + r.url + ': HTTP ' + r.status + ')');
          return r.arrayBuffer();
        });
    const exports = await __wbg_init({ module_or_path: options.module_or_path ?? here('${wasm}') });
    const bytes = await corpus;
    loadCorpus(ArrayBuffer.isView(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes));
    ready = true;
    return exports;
  })());
}
const mounted = new WeakMap();
/** Renders an instance of Dossier in element's shadow root; see the README. */
export function mount(element, options) {
  if (!(element instanceof HTMLElement)) throw new TypeError('Dossier: mount(element, options) needs an HTML element');
  if (!ready) throw new Error('Dossier: mount() before the module loaded; await its default export first');
  mounted.get(element)?.destroy();
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = STYLE;
  const box = document.createElement('div');
  box.className = 'dossier-mount embedded';
  // Shown once its style sheet is in: the host never sees it unstyled.
  box.hidden = true;
  link.onload = link.onerror = () => { box.hidden = false; };
  shadow.append(link, box);
  const callbacks = new Set();
  let app = mountApp(box, options, (article) => {
    for (const callback of callbacks) {
      try { callback(article); } catch (error) { console.error(error); }
    }
  });
  const handle = {
    search: (query, options) => (app ? app.search(query, options) : []),
    setQuery(query) { app?.setQuery(query); },
    setTheme(theme) { app?.setTheme(String(theme)); },
    on(event, callback) {
      if (event === 'open' && typeof callback === 'function') callbacks.add(callback);
      else console.warn('Dossier: on() ignored: the event is "open" and the callback a function');
      return handle;
    },
    off(event, callback) {
      callbacks.delete(callback);
      return handle;
    },
    destroy() {
      if (!app) return;
      // Dropping the instance unmounts it and removes its listeners.
      app.free();
      app = null;
      callbacks.clear();
      link.remove();
      box.remove();
      mounted.delete(element);
    },
  };
  mounted.set(element, handle);
  return handle;
}
/** <dossier-viewer query="…" theme="…" page-size="…" show-reader="false">: mount() as an element. */
class DossierViewer extends HTMLElement {
  static observedAttributes = ['query', 'theme'];
  #handle = null;
  async connectedCallback() {
    await start();
    if (!this.isConnected || this.#handle) return;
    const options = {};
    const attr = (name) => this.getAttribute(name);
    if (this.hasAttribute('query')) options.query = attr('query');
    if (this.hasAttribute('theme')) options.theme = attr('theme');
    if (this.hasAttribute('page-size')) options.pageSize = Number(attr('page-size'));
    if (this.hasAttribute('show-reader')) options.showReader = attr('show-reader') !== 'false';
    this.#handle = mount(this, options).on('open', (article) =>
      this.dispatchEvent(new CustomEvent('dossier-open', { detail: article, bubbles: true, composed: true })));
  }
  disconnectedCallback() {
    this.#handle?.destroy();
    this.#handle = null;
  }
  attributeChangedCallback(name, old, value) {
    if (name === 'query') this.#handle?.setQuery(value ?? '');
    else this.#handle?.setTheme(value ?? 'system');
  }
  /** The mount() handle, once connected and loaded. */
  get dossier() { return this.#handle; }
}
if (!customElements.get('dossier-viewer')) customElements.define('dossier-viewer', DossierViewer);
`;

// The single file, built from the unminified glue: its `export` statements go,
// so that it can run as one inline module script.
const { glue, corpus } = splitModule(read(glueName), join(dir, wasmName));
rmSync(join(dir, glueName));
const corpusName = `corpus-${hash(corpus)}.bin`;
writeFileSync(join(dir, corpusName), corpus);
const gzip64 = (bytes) => gzipSync(bytes, { level: 9 }).toString('base64');
const stripped = glue
  .replace(/^export function /gm, 'function ')
  .replace(/^export class /gm, 'class ')
  .replace(/^export const /gm, 'const ')
  .replace(/^export \{[^}]*\};?$/gm, '');
if (/^export /m.test(stripped)) throw new Error('post-build: the wasm-bindgen glue has an export this script does not handle');
const singleScript = await terse(`${embedClient}
${stripped}
const unpack = (base64) => new Response(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
const corpusBytes = unpack(${JSON.stringify(gzip64(corpus))});
await __wbg_init({ module_or_path: await unpack(${JSON.stringify(gzip64(readFileSync(join(dir, wasmName))))}) });
loadCorpus(new Uint8Array(await corpusBytes));
startPage();
window.dossier = { search };
`);
// rem follows the root element's font size, which a host page sets as it
// likes; inside a mounted instance it must not. Each rem becomes a multiple
// of --rem: 1rem on the page, 16px in a mounted instance (style/tokens.css).
const remToVar = (css) => {
  if (/@(media|container)[^{]*rem/.test(css)) throw new Error('post-build: rem in a media or container query cannot be rewritten');
  return css.replace(/(?<!--rem:\s*|[\w.])(-?\d*\.?\d+)rem\b/g, (_, n) => (n === '1' ? 'var(--rem)' : `calc(${n}*var(--rem))`));
};
const singleStyle = remToVar(cssNames.map(read).join('\n'));
const cspHash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const singleCsp = `default-src 'none'; script-src ${cspHash(singleScript)} 'wasm-unsafe-eval'; style-src ${cspHash(singleStyle)}; img-src data:`;
const head = html
  .slice(0, html.search(/<body[\s>]/))
  .replace(/^<!doctype html>\s*<html[^>]*>/i, '')
  .replace(/<\/?head>/g, '')
  .replace(/<link[^>]*rel="?(stylesheet|modulepreload|preload)"?[^>]*>/g, '')
  .replace(inline[0], '');
const body = html.match(/<body[^>]*>([\s\S]*?)(<\/body>|$)/)?.[1] ?? '';
write(
  'dossier.html',
  `<!doctype html><html lang=en><head><meta http-equiv="Content-Security-Policy" content="${singleCsp}">${head}` +
    `<style>${singleStyle}</style><script type=module>${singleScript}</script></head><body>${body}</body></html>`,
);
write('dossier.csp.txt', `${singleCsp}\n`);

// The hosted app: one style sheet instead of one request per source file,
// the bootstrap in a file, minified glue, manifest, service worker.
const styleName = `style-${hash(singleStyle)}.css`;
write(styleName, singleStyle);
for (const name of cssNames) rmSync(join(dir, name));
let linked = false;
html = html.replace(/<link[^>]*href="?[^" >]+\.css"?[^>]*>/g, () => {
  if (linked) return '';
  linked = true;
  return `<link href=./${styleName} rel=stylesheet>`;
});
const hostScript = await terse(hostModule(stripped, wasmName, corpusName, styleName));
const hostUrl = `./dossier.js?v=${hash(hostScript)}`;
// The corpus download starts with the module's (index.html preloads it);
// a slow one says so after a moment, a failed one says why.
const startPage = `
const corpusLoad = fetch('./${corpusName}').then((r) => {
  if (!r.ok) throw new Error(r.url + ': HTTP ' + r.status);
  return r.arrayBuffer();
});
import * as bindings from '${hostUrl}';
// What Trunk's own bootstrap does, with the one module in place of the glue.
const wasm = await bindings.initWasm({ module_or_path: './${wasmName}' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
{
  const say = (text, role) => {
    const note = document.querySelector('.boot-note') ?? document.body.appendChild(document.createElement('p'));
    note.className = 'boot-note';
    note.setAttribute('role', role);
    note.textContent = text;
  };
  const slow = setTimeout(() => say('Loading the articles…', 'status'), 500);
  try {
    window.wasmBindings.loadCorpus(new Uint8Array(await corpusLoad));
    document.querySelector('.boot-note')?.remove();
    window.wasmBindings.startPage();
  } catch (error) {
    say('Dossier could not load its articles (' + error.message.replace(/^Dossier: /, '') + '). Reload the page to try again.', 'alert');
    console.error(error);
  } finally {
    clearTimeout(slow);
  }
}
`;
const boot = await terse(`${embedClient}\n${startPage}\n${serviceWorkerClient}`);
const bootName = `boot-${hash(boot)}.js`;
write(bootName, boot);
write('dossier.js', hostScript);
html = html.replace(
  /<link[^>]*rel="?modulepreload"?[^>]*>/,
  () => `<link crossorigin href=${hostUrl} rel=modulepreload>`,
);
if (!html.includes(hostUrl)) throw new Error('post-build: Trunk\'s modulepreload link for the glue was not found in index.html');
html = html.replace(
  inline[0],
  `<link rel=preload href=./${corpusName} as=fetch crossorigin><script type=module src=./${bootName}></script><link rel=manifest href=./manifest.webmanifest><meta name=theme-color content=#1d3557>`,
);
write('index.html', html);

write(
  'icon.svg',
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#1d3557"/>' +
    '<path d="M18 14h18l10 10v26H18z" fill="#f1faee"/><path d="M24 30h16M24 36h16M24 42h10" stroke="#1d3557" stroke-width="3"/></svg>\n',
);
write(
  'manifest.webmanifest',
  `${JSON.stringify(
    {
      name: 'Dossier',
      short_name: 'Dossier',
      description: 'A searchable, offline collection of news articles.',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#1d3557',
      icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' }],
    },
    null,
    2,
  )}\n`,
);

// Everything the hosted app loads; the single file and its CSP note are
// downloads, not part of it.
const assets = readdirSync(dir)
  .filter((f) => !['sw.js', 'dossier.html', 'dossier.csp.txt'].includes(f))
  .sort();
const version = hash(assets.map((f) => f + '\0' + readFileSync(join(dir, f)).toString('base64')).join('\0'));
const sw = `// Dossier's service worker: caches this build's files under a name from
// their content, serves them offline, and drops other builds' caches once a
// new one takes over.
const PREFIX = 'dossier:' + self.registration.scope + ':';
const CACHE = PREFIX + ${JSON.stringify(version)};
const ASSETS = ${JSON.stringify(['./', ...assets.map((f) => './' + f)])};
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});
self.addEventListener('message', (event) => {
  if (event.data === 'dossier:skip-waiting') self.skipWaiting();
});
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) =>
      (await cache.match(request, { ignoreSearch: true })) ??
      (request.mode === 'navigate' ? await cache.match('./') : undefined) ??
      fetch(request),
    ),
  );
});
`;
write('sw.js', sw);
console.log(`post-build: ${bootName}, sw.js (cache ${version}), manifest, dossier.html${release ? ', JS minified' : ''}`);
