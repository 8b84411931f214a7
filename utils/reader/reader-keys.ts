/** Keys inside the reader and the actions they trigger. Pure: a key event's fields in, an action out. */

export type ReaderAction =
  | 'font-larger'
  | 'font-smaller'
  | 'font-reset'
  | 'night'
  | 'typography'
  | 'toc'
  | 'print'
  | 'save-html'
  | 'save-markdown'
  | 'speak'
  | 'copy-link'
  | 'quote'
  | 'highlight'
  | 'notes'
  | 'save-to-library'
  | 'library'
  | 'close'
  | 'help';

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The event comes from a text field, where keys type text instead. */
  inTextField: boolean;
}

const KEYS: Readonly<Record<string, ReaderAction>> = {
  '+': 'font-larger',
  '=': 'font-larger',
  '-': 'font-smaller',
  '0': 'font-reset',
  n: 'night',
  N: 'night',
  t: 'typography',
  T: 'typography',
  o: 'toc',
  O: 'toc',
  p: 'print',
  P: 'print',
  h: 'save-html',
  H: 'save-html',
  m: 'save-markdown',
  M: 'save-markdown',
  s: 'speak',
  S: 'speak',
  c: 'copy-link',
  C: 'copy-link',
  q: 'quote',
  Q: 'quote',
  // L for "highlight" (H saves HTML), A for annotations: the highlights and notes panel.
  l: 'highlight',
  L: 'highlight',
  a: 'notes',
  A: 'notes',
  // B for "bookmark": keep the article in the library; Y opens the library (L and A were taken).
  b: 'save-to-library',
  B: 'save-to-library',
  y: 'library',
  Y: 'library',
  Escape: 'close',
  '?': 'help',
};

/** The keys listed under `?`, in display order, with the action each triggers. */
export const KEY_LIST: ReadonlyArray<{ keys: string[]; action: ReaderAction }> = [
  { keys: ['+', '='], action: 'font-larger' },
  { keys: ['-'], action: 'font-smaller' },
  { keys: ['0'], action: 'font-reset' },
  { keys: ['N'], action: 'night' },
  { keys: ['T'], action: 'typography' },
  { keys: ['O'], action: 'toc' },
  { keys: ['P'], action: 'print' },
  { keys: ['H'], action: 'save-html' },
  { keys: ['M'], action: 'save-markdown' },
  { keys: ['S'], action: 'speak' },
  { keys: ['C'], action: 'copy-link' },
  { keys: ['Q'], action: 'quote' },
  { keys: ['L'], action: 'highlight' },
  { keys: ['A'], action: 'notes' },
  { keys: ['B'], action: 'save-to-library' },
  { keys: ['Y'], action: 'library' },
  { keys: ['Esc'], action: 'close' },
  { keys: ['?'], action: 'help' },
];

/** The key named for an action (the first one `?` lists), or undefined for controls without a key. */
export function keyFor(action: string): string | undefined {
  return KEY_LIST.find((entry) => entry.action === action)?.keys[0];
}

/** Inputs whose keys don't type text: the reader's keys work on them (arrows stay theirs: no reader key is an arrow). */
const NOT_TYPING = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'hidden',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

/** Whether keys pressed on this element type text (a text field, a text area, a list box, editable content). */
export function typesText(element: { tagName: string; type?: string; isContentEditable?: boolean }): boolean {
  if (element.isContentEditable) return true;
  if (element.tagName === 'TEXTAREA' || element.tagName === 'SELECT') return true;
  return element.tagName === 'INPUT' && !NOT_TYPING.has((element.type ?? 'text').toLowerCase());
}

/** The action for a key press, or null when the reader should leave the key alone (modifiers, typing, unknown keys). */
export function actionForKey(input: KeyInput): ReaderAction | null {
  if (input.ctrlKey || input.metaKey || input.altKey) return null;
  if (input.inTextField && input.key !== 'Escape') return null;
  return KEYS[input.key] ?? null;
}
