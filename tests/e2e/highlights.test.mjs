import { describe } from 'node:test';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox } from './lib/firefox.mjs';
import { highlightsSuite } from './lib/highlights-suite.mjs';

describe('Chromium: highlights and notes, kept and re-attached, exported', () => {
  highlightsSuite(() => launchChromium());
});

describe('Firefox: highlights and notes, kept and re-attached, exported', () => {
  highlightsSuite(() => launchFirefox());
});
