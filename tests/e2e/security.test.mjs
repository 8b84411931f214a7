// The security suite (issue #6) in real Chromium and real Firefox.
import { describe } from 'node:test';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox } from './lib/firefox.mjs';
import { securitySuite } from './lib/security.mjs';

describe('Chromium: hostile pages and bad input', () => {
  securitySuite(() => launchChromium());
});

describe('Firefox: hostile pages and bad input', () => {
  securitySuite(() => launchFirefox());
});
