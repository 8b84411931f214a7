// A static server on 127.0.0.1 for the fixture pages, recording every request it gets.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** Extra response headers of a fixture: `<name>.headers.json` next to it (e.g. a Content-Security-Policy), if any. */
async function extraHeaders(full) {
  try {
    return JSON.parse(await readFile(`${full.slice(0, full.length - extname(full).length)}.headers.json`, 'utf8'));
  } catch {
    return {};
  }
}

/**
 * Starts the server on a free port; `requests` lists the paths asked for, in order.
 * `routes` maps a path to a generated response: `({ base, url, headers }) => ({ status?, headers?, body, hold? })`
 * (`headers`: the request's); with `hold`
 * the body is sent but the response never ends (a page still loading) until the server closes.
 */
export async function startServer({ routes = {} } = {}) {
  const requests = [];
  const held = new Set();
  let base = '';
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', base);
    const path = url.pathname;
    requests.push(path);
    const route = routes[path];
    if (route) {
      const { status = 200, headers = {}, body = '', hold = false } = await route({ base, url, headers: req.headers });
      res.writeHead(status, { 'content-type': TYPES['.html'], 'cache-control': 'no-store', ...headers });
      if (!hold) return void res.end(body);
      held.add(res);
      return void res.write(body);
    }
    // /articles/<name> serves fixture <name>.html, so the pages look like article URLs.
    const file = path.startsWith('/articles/') ? `${path.slice('/articles/'.length)}.html` : path.slice(1);
    const full = normalize(join(FIXTURES, file));
    if (!full.startsWith(FIXTURES)) return void res.writeHead(403).end();
    try {
      const body = await readFile(full);
      res.writeHead(200, {
        'content-type': TYPES[extname(full)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...(await extraHeaders(full)),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  base = `http://127.0.0.1:${port}`;
  const close = () => {
    for (const res of held) res.end();
    server.closeAllConnections?.();
    return new Promise((r) => server.close(r));
  };
  /** Ends the responses held open: those pages finish loading. */
  const release = () => {
    for (const res of held) res.end('</article></body></html>');
    held.clear();
  };
  return { base, requests, close, release };
}
