import { describe } from 'node:test';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox } from './lib/firefox.mjs';
import { libraryExportSuite } from './lib/library-export-suite.mjs';

describe('Chromium: library exports (EPUB checked by epubcheck, Markdown zip)', () => {
  libraryExportSuite(() => launchChromium());
});

describe('Firefox: library exports (EPUB checked by epubcheck, Markdown zip)', () => {
  libraryExportSuite(() => launchFirefox());
});
