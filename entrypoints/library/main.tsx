import { render } from 'preact';
import { FIRST_SCREEN, LibraryApp } from '@/components/library/LibraryApp';
import { openLibraryStoreNow, t, uiLanguage } from '@/utils/browser';
import '@/components/shared/fonts.css';
import '@/components/shared/theme.css';
import './style.css';

// The library page (library.html): the saved articles, searched, sorted and filtered; each opens in the reader.
// The first screen's entries are asked for before anything is drawn, so reading them overlaps the first render; idb
// comes with the page's code (openLibraryStoreNow).
const store = openLibraryStoreNow();
const newest = store.newest(FIRST_SCREEN);
const locale = uiLanguage();
document.documentElement.lang = locale;
document.title = `${t('libraryTitle')} — Lectern`;
render(<LibraryApp locale={locale} store={store} newest={newest} />, document.getElementById('app')!);
