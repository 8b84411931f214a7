import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { t, uiLanguage } from '@/utils/browser';
import '@/components/shared/fonts.css';
import '@/components/shared/theme.css';
import './style.css';

// The settings page: renders the settings and lists the commands with their keys as the browser has bound them.
document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
// Chromium has a page to change extension shortcuts; Firefox has one inside its add-ons manager, not linkable.
const shortcutsPage = import.meta.env.FIREFOX ? null : 'chrome://extensions/shortcuts';

void browser.commands.getAll().then((commands) => {
  // The toolbar button's own command has no description of ours: name it.
  const shortcuts = commands.map((c) => ({
    description: c.name?.startsWith('_execute') ? t('commandOpenPopup') : (c.description ?? c.name ?? ''),
    shortcut: c.shortcut ?? '',
  }));
  render(
    <OptionsApp
      shortcuts={shortcuts}
      shortcutsPage={shortcutsPage}
      onOpenShortcuts={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}
    />,
    document.getElementById('app')!,
  );
});
