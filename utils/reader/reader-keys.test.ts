import { describe, expect, it } from 'vitest';
import { KEY_LIST, actionForKey, keyFor, type KeyInput, typesText } from './reader-keys';

const press = (key: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  inTextField: false,
  ...extra,
});

describe('actionForKey', () => {
  it('maps the reader keys', () => {
    expect(actionForKey(press('+'))).toBe('font-larger');
    expect(actionForKey(press('='))).toBe('font-larger');
    expect(actionForKey(press('-'))).toBe('font-smaller');
    expect(actionForKey(press('0'))).toBe('font-reset');
    expect(actionForKey(press('n'))).toBe('night');
    expect(actionForKey(press('o'))).toBe('toc');
    expect(actionForKey(press('O'))).toBe('toc');
    expect(actionForKey(press('p'))).toBe('print');
    expect(actionForKey(press('c'))).toBe('copy-link');
    expect(actionForKey(press('q'))).toBe('quote');
    expect(actionForKey(press('Escape'))).toBe('close');
    expect(actionForKey(press('?'))).toBe('help');
  });

  it('leaves browser shortcuts, typing and other keys alone', () => {
    expect(actionForKey(press('c', { ctrlKey: true }))).toBeNull();
    expect(actionForKey(press('p', { metaKey: true }))).toBeNull();
    expect(actionForKey(press('n', { altKey: true }))).toBeNull();
    expect(actionForKey(press('n', { inTextField: true }))).toBeNull();
    expect(actionForKey(press('Escape', { inTextField: true }))).toBe('close');
    expect(actionForKey(press('x'))).toBeNull();
  });

  it('lists every action exactly once under ?, and its first key (the tooltip names it) triggers it in either case', () => {
    const actions = KEY_LIST.map((k) => k.action);
    expect(new Set(actions).size).toBe(actions.length);
    for (const { keys, action } of KEY_LIST) {
      const key = keyFor(action)!;
      expect(key).toBe(keys[0]);
      expect(actionForKey(press(key === 'Esc' ? 'Escape' : key))).toBe(action);
      expect(actionForKey(press(key === 'Esc' ? 'Escape' : key.toLowerCase()))).toBe(action);
    }
  });

  it('maps the reading keys of issue #4 in either case', () => {
    for (const [key, action] of [
      ['t', 'typography'],
      ['h', 'save-html'],
      ['m', 'save-markdown'],
      ['s', 'speak'],
    ] as const) {
      expect(actionForKey(press(key))).toBe(action);
      expect(actionForKey(press(key.toUpperCase()))).toBe(action);
    }
  });
});

describe('keyFor: the key a toolbar tooltip names', () => {
  it('names the key `?` lists first for each action', () => {
    expect(keyFor('font-larger')).toBe('+');
    expect(keyFor('night')).toBe('N');
    expect(keyFor('save-markdown')).toBe('M');
    expect(keyFor('close')).toBe('Esc');
    expect(keyFor('help')).toBe('?');
  });

  it('names nothing for controls without a key', () => {
    expect(keyFor('share')).toBeUndefined();
    expect(keyFor('copy-menu')).toBeUndefined();
  });
});

describe('typesText', () => {
  it('counts text fields, text areas, list boxes and editable content as typing', () => {
    for (const type of [undefined, 'text', 'search', 'url', 'email', 'number', 'password', 'TEXT'])
      expect(typesText({ tagName: 'INPUT', type }), String(type)).toBe(true);
    expect(typesText({ tagName: 'TEXTAREA' })).toBe(true);
    expect(typesText({ tagName: 'SELECT' })).toBe(true);
    expect(typesText({ tagName: 'DIV', isContentEditable: true })).toBe(true);
  });

  it('leaves the reader its keys on buttons, radios, checkboxes and sliders', () => {
    for (const type of ['radio', 'checkbox', 'range', 'button', 'submit', 'color'])
      expect(typesText({ tagName: 'INPUT', type }), type).toBe(false);
    expect(typesText({ tagName: 'BUTTON' })).toBe(false);
    expect(typesText({ tagName: 'DIV', isContentEditable: false })).toBe(false);
  });
});
