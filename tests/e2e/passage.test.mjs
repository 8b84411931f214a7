import { describe } from 'node:test';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox } from './lib/firefox.mjs';
import { passageSuite } from './lib/passage-suite.mjs';

describe('Chromium: quotes of the live page link to the passage', () => {
  passageSuite(() => launchChromium());
});

describe('Firefox: quotes of the live page link to the passage', () => {
  passageSuite(() => launchFirefox());
});
