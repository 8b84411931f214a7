import { describe } from 'node:test';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox } from './lib/firefox.mjs';
import { pagesSuite } from './lib/pages-suite.mjs';

describe('Chromium: pages that are no article, the table of contents, embeds as cards', () => {
  pagesSuite(() => launchChromium());
});

describe('Firefox: pages that are no article, the table of contents, embeds as cards', () => {
  pagesSuite(() => launchFirefox());
});
