import { describe } from 'node:test';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox } from './lib/firefox.mjs';
import { librarySyncSuite } from './lib/library-sync-suite.mjs';

describe('Chromium: the library syncs its index through storage.sync', () => {
  librarySyncSuite(() => launchChromium());
});

describe('Firefox: the library syncs its index through storage.sync', () => {
  librarySyncSuite(() => launchFirefox());
});
