// Lint: TypeScript's recommended rules plus the layer boundaries of DESIGN.md, enforced rather than hoped for.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const entrypoints = {
  group: ['@/entrypoints/*', '**/entrypoints/*'],
  message: 'Entrypoints only wire; nothing imports them.',
};
const components = {
  group: ['@/components/*', '**/components/*'],
  message: 'utils/ is pure logic and never imports UI.',
};

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
    files: ['utils/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [entrypoints, components, { group: ['preact', 'preact/*'], message: 'utils/ has no UI.' }] },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [entrypoints] }] },
  },
  {
    // The scripts run in web pages (detect.js on every one): they stay tiny and never pull in the reader's or popup's code.
    files: ['entrypoints/{detect,page-info,snapshot,copy}/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@mozilla/readability',
              message: 'The parser loads in the reader; detection is utils/readerable.ts.',
            },
            { name: 'dompurify', message: 'Sanitizing happens in the reader, not on every page.' },
            { name: 'preact', message: 'No UI in the content script.' },
          ],
          patterns: [
            components,
            {
              group: ['@/utils/extract', '@/utils/sanitize', '@/utils/settings-store'],
              message: 'Heavy code loads only in the reader.',
            },
            entrypoints,
          ],
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
      },
    },
  },
);
