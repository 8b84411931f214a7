import { describe } from 'node:test';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox } from './lib/firefox.mjs';
import { librarySuite } from './lib/library-suite.mjs';

describe('Chromium: the library (save, list, search, open offline)', () => {
  librarySuite(() => launchChromium());
});

describe('Firefox: the library (save, list, search, open offline)', () => {
  librarySuite(() => launchFirefox());
});
