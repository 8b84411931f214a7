import { describe } from 'node:test';
import { a11ySuite } from './lib/a11y-suite.mjs';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox } from './lib/firefox.mjs';

describe('Chromium: accessibility (axe-core)', () => {
  a11ySuite(() => launchChromium());
});

describe('Firefox: accessibility (axe-core)', () => {
  a11ySuite(() => launchFirefox());
});
