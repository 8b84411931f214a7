// The security suite (issue #6) in real Chromium and real Firefox.
import { describe } from 'node:test';
import { badInputSuite } from './lib/bad-input-suite.mjs';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox } from './lib/firefox.mjs';
import { hostileSuite } from './lib/hostile-suite.mjs';
import { securitySuite } from './lib/security.mjs';

describe('Chromium: hostile pages and bad input', () => {
  securitySuite(() => launchChromium());
});

describe('Firefox: hostile pages and bad input', () => {
  securitySuite(() => launchFirefox());
});

describe('Chromium: hostile CSS, hostile scripts, strict CSP, privacy', () => {
  hostileSuite(() => launchChromium());
});

describe('Firefox: hostile CSS, hostile scripts, strict CSP, privacy', () => {
  hostileSuite(() => launchFirefox());
});

describe('Chromium: bad input', () => {
  badInputSuite(() => launchChromium());
});

describe('Firefox: bad input', () => {
  badInputSuite(() => launchFirefox());
});
