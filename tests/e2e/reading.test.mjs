import { describe } from 'node:test';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox } from './lib/firefox.mjs';
import { readingSuite } from './lib/reading-suite.mjs';

describe('Chromium: themes, typography, save, progress, read aloud, options', () => {
  readingSuite(() => launchChromium());
});

describe('Firefox: themes, typography, save, progress, read aloud, options', () => {
  readingSuite(() => launchFirefox());
});
