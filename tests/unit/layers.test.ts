import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layer rules of eslint.config.js, checked on small files as if they stood at the given paths: each rule must
// reject what it is for and let the allowed form through.
const eslint = new ESLint();

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('layer rules', () => {
  // The first lint loads the config and its parser (seconds on a busy machine): done once, outside the tests' time.
  beforeAll(() => problems('utils/share/x.ts', 'export {};\n'), 60_000);

  it('reach a utils/ domain only through its face', async () => {
    expect(
      await problems('components/reader/X.tsx', "import { t } from '@/utils/browser/i18n';\nt('x');\n"),
    ).toHaveLength(1);
    expect(await problems('components/reader/X.tsx', "import { t } from '@/utils/browser';\nt('x');\n")).toEqual([]);
    expect(
      await problems('utils/share/x.ts', "import { isPdf } from '../detect/pages';\nisPdf(null, '');\n"),
    ).toHaveLength(1);
    expect(await problems('utils/share/x.ts', "import { isPdf } from '@/utils/detect';\nisPdf(null, '');\n")).toEqual(
      [],
    );
  });

  it('let only utils/browser and the entrypoints import wxt/browser', async () => {
    const code = "import { browser } from 'wxt/browser';\nvoid browser;\n";
    expect(await problems('utils/settings/x.ts', code)).toHaveLength(1);
    expect(await problems('components/shared/X.tsx', code)).toHaveLength(1);
    expect(await problems('utils/browser/x.ts', code)).toEqual([]);
    expect(await problems('entrypoints/background.ts', code)).toEqual([]);
  });

  it('keep pure folders off the live page and the adapters (types excepted)', async () => {
    expect(await problems('utils/extract/x.ts', 'export const title = document.title;\n')).toHaveLength(1);
    expect(await problems('utils/detect/x.ts', 'export const id = chrome.runtime.id;\n')).toHaveLength(1);
    expect(
      await problems('utils/share/x.ts', "import { t } from '@/utils/browser';\nexport const a = t('x');\n"),
    ).toHaveLength(1);
    expect(
      await problems(
        'utils/share/x.ts',
        "import type { MessageKey } from '@/utils/browser';\nexport type K = MessageKey;\n",
      ),
    ).toEqual([]);
  });

  it('keep the popup and options page out of the reader, and the page scripts small', async () => {
    const reader = "import { KeyHelp } from '@/components/reader/KeyHelp';\nvoid KeyHelp;\n";
    expect(await problems('components/popup/X.tsx', reader)).toHaveLength(1);
    expect(await problems('components/options/X.tsx', reader)).toHaveLength(1);
    expect(await problems('components/reader/X.tsx', reader)).toEqual([]);
    expect(
      await problems(
        'entrypoints/detect/index.ts',
        "import { extractArticle } from '@/utils/extract';\nvoid extractArticle;\n",
      ),
    ).toHaveLength(1);
    // The passage script is injected only when a quote is asked for, but it runs in pages all the same.
    expect(
      await problems('entrypoints/passage/index.ts', "import { render } from 'preact';\nvoid render;\n"),
    ).toHaveLength(1);
  });
});
