import { render } from 'preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import { t, uiLanguage } from '@/utils/browser';
import '@/components/shared/fonts.css';
import '@/components/shared/theme.css';
import './style.css';

// The library page (library.html): the saved articles, searched, sorted and filtered; each opens in the reader.
const locale = uiLanguage();
document.documentElement.lang = locale;
document.title = `${t('libraryTitle')} — Lectern`;
render(<LibraryApp locale={locale} />, document.getElementById('app')!);
