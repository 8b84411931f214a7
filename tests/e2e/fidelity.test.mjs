import { describe } from 'node:test';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox } from './lib/firefox.mjs';
import { fidelitySuite } from './lib/fidelity-suite.mjs';

describe('Chromium: lead image, right-to-left header, footnotes, print, saved Markdown', () => {
  fidelitySuite(() => launchChromium());
});

describe('Firefox: lead image, right-to-left header, footnotes, print, saved Markdown', () => {
  fidelitySuite(() => launchFirefox());
});
