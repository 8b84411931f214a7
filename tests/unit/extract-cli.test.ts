import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs `npm run extract`'s script as a person would, on `args`; its exit status and both outputs. */
function extract(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['scripts/extract.mjs', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const fixture = (name: string): string => join('tests/fixtures', name);

// Each case starts Node on the CLI, which compiles the extraction module first: seconds on a busy machine, so the
// cases get the deadline of the processes they start (not vitest's 5 s default for in-process tests).
describe('npm run extract', { timeout: 180_000 }, () => {
  it('extracts a page whose stylesheet jsdom cannot parse', () => {
    const run = extract(fixture('broken-css.html'), '--url', 'https://coast.example/keeper');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const article = JSON.parse(run.stdout);
    expect(article.title).toBe("The lighthouse keeper's last winter");
    expect(article.text).toContain('brass bell from the kitchen');
  });

  it('says in one line why unreadable input is unreadable, with a non-zero exit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-extract-'));
    writeFileSync(join(dir, 'empty.html'), '  \n');
    writeFileSync(join(dir, 'broken.html.gz'), 'not gzip at all');
    const cases: Array<[string, RegExp]> = [
      [join(dir, 'missing.html'), /missing\.html: no such file/],
      [join(dir, 'empty.html'), /empty\.html: empty/],
      [fixture('images/dock.png'), /dock\.png: a binary file/],
      [join(dir, 'broken.html.gz'), /broken\.html\.gz: /],
    ];
    for (const [file, message] of cases) {
      const run = extract(file);
      expect(run.status, file).toBe(2);
      expect(run.stdout, file).toBe('');
      expect(run.stderr.trim().split('\n'), file).toHaveLength(1);
      expect(run.stderr, file).toMatch(message);
      expect(run.stderr, file).not.toMatch(/\n\s+at /);
    }
  });

  it('prints null and exits with 1 on a page without an article', () => {
    const run = extract(fixture('not-article.html'));
    expect(run.status).toBe(1);
    expect(run.stdout.trim()).toBe('null');
    expect(run.stderr).toMatch(/^extract: .*no article found\n$/);
  });
});
