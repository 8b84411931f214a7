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
};

/** Starts the server on a free port; `requests` lists the paths asked for, in order. */
export async function startServer() {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    // /articles/<name> serves fixture <name>.html, so the pages look like article URLs.
    const file = path.startsWith('/articles/') ? `${path.slice('/articles/'.length)}.html` : path.slice(1);
    const full = normalize(join(FIXTURES, file));
    if (!full.startsWith(FIXTURES)) return void res.writeHead(403).end();
    try {
      const body = await readFile(full);
      res.writeHead(200, {
        'content-type': TYPES[extname(full)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { base: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(r)) };
}
