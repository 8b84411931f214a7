import { describe } from 'node:test';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox } from './lib/firefox.mjs';
import { libraryBackupSuite, libraryImportRussianSuite } from './lib/library-backup-suite.mjs';

describe('Chromium: library backup, restore and imports', () => {
  libraryBackupSuite(() => launchChromium());
});

describe('Firefox: library backup, restore and imports', () => {
  libraryBackupSuite(() => launchFirefox());
});

describe('Chromium in Russian: import messages', () => {
  libraryImportRussianSuite(() => launchChromium({ lang: 'ru' }));
});
