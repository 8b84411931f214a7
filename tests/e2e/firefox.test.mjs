import { describe } from 'node:test';
import { launchFirefox } from './lib/firefox.mjs';
import { readerSuite } from './lib/suite.mjs';

describe('Firefox', () => {
  readerSuite(() => launchFirefox());
});
