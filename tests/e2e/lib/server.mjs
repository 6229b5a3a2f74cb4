// Tiny static file server used by the harness self-tests (fixtures) and, when
// COMMUNS_URL is not set, to serve `dist/` during local development.
//
// Semantics (kept identical to what `cargo xtask test` promises):
//   - files are served from `root`, optionally under a URL prefix such as `/communs/`;
//   - a path ending in `/` serves that directory's `index.html`; a directory
//     named without its trailing `/` gets a 301 to the `/` form (as nginx,
//     GitHub Pages and `python3 -m http.server` do);
//   - nothing else is rewritten: no fallback to index.html, 404 for anything missing;
//   - only 127.0.0.1, random port unless one is given.
//
// CLI (development only): node tests/e2e/lib/server.mjs DIR [--prefix /communs/] [--port 8000]

import http from 'node:http';
import { promises as fs, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
};

/**
 * Start a static server.
 * @param {{root: string, prefix?: string, port?: number}} opts
 * @returns {Promise<{url: string, origin: string, port: number, close: () => Promise<void>, log: string[]}>}
 */
export async function serveStatic({ root, prefix = '/', port = 0 }) {
  const absRoot = path.resolve(root);
  if (!prefix.startsWith('/')) prefix = '/' + prefix;
  if (!prefix.endsWith('/')) prefix += '/';
  const log = [];

  const server = http.createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method Not Allowed');
      const { pathname, search } = new URL(req.url, 'http://127.0.0.1');
      log.push(pathname);
      if (!pathname.startsWith(prefix)) return send(404, 'Not Found');
      let rel;
      try {
        rel = decodeURIComponent(pathname.slice(prefix.length));
      } catch {
        return send(400, 'Bad Request');
      }
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(absRoot, rel);
      if (file !== absRoot && !file.startsWith(absRoot + path.sep)) return send(404, 'Not Found');
      let data;
      try {
        const st = await fs.stat(file);
        if (st.isDirectory() && !rel.endsWith('/') && existsSync(path.join(file, 'index.html'))) {
          res.writeHead(301, { Location: pathname + '/' + search, 'Cache-Control': 'no-store' });
          return res.end();
        }
        if (!st.isFile()) return send(404, 'Not Found');
        data = await fs.readFile(file);
      } catch {
        return send(404, 'Not Found');
      }
      const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      send(200, data, type);
    } catch (e) {
      send(500, String(e));
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actualPort = server.address().port;
  const origin = `http://127.0.0.1:${actualPort}`;
  return {
    url: origin + prefix,
    origin,
    port: actualPort,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

// CLI mode.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, def) => {
    const i = args.indexOf(name);
    if (i === -1) return def;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const prefix = opt('--prefix', '/');
  const port = Number(opt('--port', '0'));
  const root = args[0] ?? 'dist';
  const s = await serveStatic({ root, prefix, port });
  console.log(`Sert ${path.resolve(root)} sur ${s.url} (Ctrl+C pour arrêter)`);
}
