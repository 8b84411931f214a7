import { describe } from 'node:test';
import { launchFirefox } from './lib/firefox.mjs';
import { sharingSuite } from './lib/sharing-suite.mjs';
import { readerSuite } from './lib/suite.mjs';

describe('Firefox', () => {
  readerSuite(() => launchFirefox());
});

describe('Firefox: copy and share', () => {
  sharingSuite(() => launchFirefox());
});
