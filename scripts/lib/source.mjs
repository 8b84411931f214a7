// What the Node scripts share: Lectern's TypeScript modules run as written (Vite's SSR loader with the project's `@`
// alias, no port, no file watcher), and a seeded random generator so a benchmark makes the same data every run.
import { createServer } from 'vite';

/** A Vite server in middleware mode over `root`: `ssrLoadModule('/utils/…/index.ts')` loads a module; `close()` ends it. */
export function sourceLoader(root) {
  return createServer({
    configFile: false,
    root,
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    resolve: { alias: { '@': root } },
  });
}

/** A small seeded generator (mulberry32): numbers in [0, 1), the same for the same seed. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
