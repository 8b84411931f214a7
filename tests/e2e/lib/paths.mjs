import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

/** Where the tests leave screenshots and printed PDFs for a person to look at (made here, so any one file can run). */
export const ARTIFACTS = 'test-artifacts';
mkdirSync(ARTIFACTS, { recursive: true });

/** The absolute path of a browser command; a missing browser is an error, never a skip. */
export function browserPath(command) {
  try {
    return execFileSync('which', [command], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      `${command} is not installed: run .ci/run or apt-get install ${command === 'chromium' ? 'chromium' : 'firefox-esr'}`,
    );
  }
}
