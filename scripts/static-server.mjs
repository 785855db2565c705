// A small static file server for dist/: used by `scripts/serve.sh` and by the
// end-to-end tests. Serves only files inside the root, with correct MIME types
// (application/wasm matters for streaming compilation), never lists folders.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts serving `root` on 127.0.0.1:`port` (0 picks a free port).
 * `headers` are added to every response (e.g. a Content-Security-Policy).
 * Resolves to { server, url, stop }; stop() closes it and its idle
 * keep-alive connections (Chromium keeps them, and close() alone waits on them).
 */
export async function serve(root, port = 0, headers = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) throw Object.assign(new Error('outside root'), { code: 'ENOENT' });
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
    }
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  const stop = () => {
    const closed = new Promise((ok) => server.close(ok));
    server.closeAllConnections();
    return closed;
  };
  return { server, url: `http://127.0.0.1:${server.address().port}/`, stop };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  try {
    await stat(join(root, 'index.html'));
  } catch {
    console.error(`${root}/index.html not found: build the app first (scripts/build.sh)`);
    process.exit(1);
  }
  try {
    const { url } = await serve(root, Number(port));
    console.log(`Dossier is served at ${url}  (Ctrl-C to stop)`);
  } catch (e) {
    console.error(`cannot serve on 127.0.0.1:${port}: ${e.message} (set PORT=... to use another port)`);
    process.exit(1);
  }
}
