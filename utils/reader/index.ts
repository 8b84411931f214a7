// The reader's pure helpers, one face: its address, its keys, the table of contents, reading position and progress, read-aloud sentences
// and voices, saved files, and how its metadata is written.
export { readerParams, readerPath, savedReaderPath, type ReaderParams } from './address';
export { formatDate, formatNumber, pluralForm, type PluralForm } from './format';
export { MIN_OUTLINE, currentSection, outlineOf, type OutlineEntry, type OutlineHeading } from './outline';
export { KEY_LIST, actionForKey, keyFor, typesText, type ReaderAction } from './reader-keys';
export {
  minutesLeft,
  normalizePositions,
  recallPosition,
  rememberPosition,
  scrollFraction,
  scrollTopFor,
} from './reading-position';
export { htmlToMarkdown, markdownDocument, saveFileName, standaloneHtml } from './save';
export { pickVoice, splitSentences, voiceLanguage, voicesFor } from './speech';
