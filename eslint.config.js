// Lint: TypeScript's recommended rules plus the project's layers, enforced rather than hoped for (README, Architecture):
// entrypoints only wire; utils/ is domain folders reached only through their index.ts; only utils/browser/ (and the
// entrypoints that wire it) touch `browser`; pure folders never touch a live page; popup and options never import the
// reader's components; the scripts run in web pages stay tiny.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const entrypoints = {
  group: ['@/entrypoints/*', '**/entrypoints/*'],
  message: 'Entrypoints only wire; nothing imports them.',
};
const components = {
  group: ['@/components/*', '**/components/*'],
  message: 'utils/ is logic and never imports UI.',
};
/** A domain is used through its face, `@/utils/<domain>`, never a file inside it. */
const throughFace = {
  group: ['@/utils/*/*', '**/utils/*/*'],
  message: 'Import a utils/ domain through its face (@/utils/<domain>), not a file inside it.',
};
/** Inside utils/, another domain is reached through its face too, never by a relative path out of the folder. */
const otherDomain = {
  group: ['../*'],
  message: 'Reach another utils/ domain through its face (@/utils/<domain>).',
};
const wxtBrowser = {
  name: 'wxt/browser',
  message: 'Browser access goes through the adapters in utils/browser (@/utils/browser).',
};
/** Globals of a live page or of the extension APIs, which pure code must not touch (it gets what it needs as arguments). */
const LIVE_GLOBALS = [
  'browser',
  'chrome',
  'document',
  'window',
  'location',
  'navigator',
  'localStorage',
  'history',
].map((name) => ({
  name,
  message: 'Pure utils/ code gets what it needs as arguments; only utils/browser touches the live page.',
}));

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-artifacts/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    ignores: ['utils/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [], patterns: [throughFace] }],
    },
  },
  {
    // Pure domains: no UI, no browser, no live page; other domains through their faces (types from the adapters are fine:
    // a message key is data).
    files: ['utils/**/*.ts'],
    ignores: ['utils/browser/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            wxtBrowser,
            { name: '@/utils/browser', allowTypeImports: true, message: 'Pure code uses no adapter.' },
          ],
          patterns: [
            entrypoints,
            components,
            throughFace,
            otherDomain,
            { group: ['preact', 'preact/*'], message: 'utils/ has no UI.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...LIVE_GLOBALS],
    },
  },
  {
    // Tests beside their code may build what they need (a jsdom window, a fake browser).
    files: ['utils/**/*.test.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['utils/browser/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [], patterns: [entrypoints, components, throughFace, otherDomain] },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [wxtBrowser], patterns: [entrypoints, throughFace] },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: wxtBrowser.message },
        { name: 'browser', message: wxtBrowser.message },
      ],
    },
  },
  {
    // What the popup and options page share with the reader lives in components/shared.
    files: ['components/popup/**', 'components/options/**', 'components/library/**', 'components/shared/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [wxtBrowser],
          patterns: [
            entrypoints,
            throughFace,
            {
              group: ['@/components/reader', '@/components/reader/*', '**/reader/*'],
              message: 'Shared with the reader? Move it to components/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    // The scripts run in web pages (detect.js on every one): they stay tiny and never pull in the reader's or popup's code.
    files: ['entrypoints/{detect,page-info,snapshot,opening,copy,passage}/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@mozilla/readability',
              message: 'The parser loads in the reader; detection is utils/detect.',
            },
            { name: 'dompurify', message: 'Sanitizing happens in the reader, not on every page.' },
            { name: 'preact', message: 'No UI in a page script.' },
            { name: '@/utils/extract', message: 'Heavy code loads only in the reader.' },
            { name: '@/utils/settings', message: 'Settings are read by the extension, not in pages.' },
          ],
          patterns: [components, entrypoints, throughFace],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'tests/e2e/**/*.mjs'],
    languageOptions: {
      globals: {
        performance: 'readonly',
        requestAnimationFrame: 'readonly',
        window: 'readonly',
        document: 'readonly',
        location: 'readonly',
        navigator: 'readonly',
        getComputedStyle: 'readonly',
        history: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        chrome: 'readonly',
        browser: 'readonly',
        globalThis: 'readonly',
        MutationObserver: 'readonly',
        Event: 'readonly',
      },
    },
  },
);
