// Shared set-up for the end-to-end tests: serve a built app on a free port of
// 127.0.0.1, open it in Debian's headless Chromium through playwright-core,
// and record every console error, page error and request, so each test can
// assert that the page logged no error and fetched nothing but its own files.
import { after, before } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/static-server.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.DOSSIER_DIST ?? join(ROOT, 'dist');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Launches Chromium with a fresh profile. Returns { browser, close }. */
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'dossier-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The calling test file's browser, launched before its tests and closed after
 * them: `.context` is its browser context. With `serveRoot`, the repository
 * root is served too (for examples/), at `.base`.
 */
export function useBrowser({ serveRoot = false } = {}) {
  const shared = {};
  let started;
  const ready = new Promise((resolve) => (started = resolve));
  before(async () => {
    shared.launched = await launch();
    if (serveRoot) shared.server = await serve(ROOT);
    started();
  });
  after(async () => {
    await shared.launched?.close();
    await shared.server?.stop();
  });
  return {
    /** Resolves once launched: for the file's own before-hooks, which may run alongside. */
    ready,
    get context() {
      return shared.launched.context;
    },
    get base() {
      return shared.server.url;
    },
  };
}

/**
 * Serves `dist` and opens a page on it. The returned `problems()` lists console
 * errors, uncaught exceptions, failed requests and requests to anything but
 * the served origin.
 */
export async function openApp(context, { dist = DIST, hash = '' } = {}) {
  const { url, stop } = await serve(dist);
  const origin = new URL(url).origin;
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    requests.push(req.url());
    const u = req.url();
    if (!u.startsWith(origin + '/') && !u.startsWith('data:')) problems.push(`request outside the app: ${u}`);
  });
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.goto(url + hash);
  return {
    page,
    url,
    requests,
    problems: () => problems.slice(),
    async close() {
      // The file's browser may have closed first (its after-hook ran first).
      await page.close().catch(() => {});
      await stop();
    },
  };
}
