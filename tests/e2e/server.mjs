// A small static file server for tests and `make serve`, bound to 127.0.0.1 only.
// It behaves like a plain static host: no rewrites, folders answered with their index.html,
// a folder without its trailing slash redirected to it, anything else 404.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

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
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` under the URL prefix `prefix` (such as "/clinic/baclofen/").
 * `overrides` maps paths under the prefix (such as "config.json") to a body served instead of
 * the file, as a host that edited that file would; `server.overrides` can change later.
 * `intercept(relative, req, res)` (tests) may answer a request itself, as a broken or slow host
 * would: it returns (or resolves to) true when it has answered, false to serve as usual.
 * `notFound` (such as "404.html") is served with status 404 for a missing file, as GitHub Pages
 * and Netlify do.
 * Returns { url, port, overrides, close() } once listening.
 */
export function startServer({ root, prefix = '/', port = 0, overrides = {}, intercept, notFound }) {
  const rootDir = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    // Test tools served from this origin, so the pages' Content Security Policy allows them.
    if (pathname === '/__test__/axe.min.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      fs.createReadStream(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)).pipe(res);
      return;
    }
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const relative = pathname.slice(prefix.length);
    if (intercept && (await intercept(relative, req, res))) return;
    if (Object.hasOwn(overrides, relative)) {
      const type = TYPES[path.extname(relative)] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' }).end(overrides[relative]);
      return;
    }
    const file = path.join(rootDir, relative);
    if (!file.startsWith(rootDir)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    let target = file;
    let stat = fs.statSync(target, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: pathname + '/' + url.search }).end();
        return;
      }
      target = path.join(target, 'index.html');
      stat = fs.statSync(target, { throwIfNoEntry: false });
    }
    if (!stat?.isFile()) {
      if (notFound) {
        res.writeHead(404, { 'content-type': TYPES['.html'] });
        fs.createReadStream(path.join(rootDir, notFound)).pipe(res);
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = TYPES[path.extname(target)] ?? 'application/octet-stream';
    // Compress like a real host does, so sizes and timings are realistic.
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && !type.startsWith('image/png');
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-cache',
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    const body = fs.createReadStream(target);
    (gzip ? body.pipe(zlib.createGzip()) : body).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      resolve({
        port: actual,
        overrides,
        url: `http://127.0.0.1:${actual}${prefix}`,
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
      });
    });
  });
}
