// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { passageFragment } from './fragment';

/** Selects `phrase` (inside one text node of `#id`) in the test's own document. */
function rangeOf(id: string, phrase: string): Range {
  const node = document.getElementById(id)!.firstChild as Text;
  const start = node.data.indexOf(phrase);
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + phrase.length);
  return range;
}

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

describe('passageFragment', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <aside><ul><li id="teaser">Every storm has a name in the logbook</li><li>The last ferry</li></ul></aside>
      <article>
        <p id="storm">Every storm has a name in the logbook, written in red ink beside the date.</p>
        <p id="light">The lamp was lit for the last time on a windless night in November.</p>
        <p id="r1">Row the boat</p><p id="r2">Row the boat</p><p id="r3">Row the boat</p><p id="r4">Row the boat</p>
      </article>`;
  });

  it('finds words the page has once by themselves', () => {
    expect(passageFragment(rangeOf('light', 'lit for the last time on a windless night'), document)).toEqual({
      textStart: 'lit for the last time on a windless night',
    });
  });

  it('adds the words around a passage the page repeats, until only this one matches', () => {
    const fragment = passageFragment(rangeOf('storm', 'Every storm has a name in the logbook'), document);
    expect(fragment?.textStart.toLowerCase()).toBe('every storm has a name in the logbook');
    expect(fragment?.prefix ?? fragment?.suffix).toBeTruthy();
  });

  it('checks the fragment on the page the link opens, and widens it there (a reader’s article vs its page)', () => {
    // The original page also has the words in a teaser that the range's document (the reader's article) lacks.
    const original = parse(
      '<ul><li>the lamp was lit for the last time</li></ul><p>The lamp was lit for the last time on a windless night in November.</p>',
    );
    const fragment = passageFragment(rangeOf('light', 'lamp was lit for the last time'), original);
    expect(fragment?.textStart).toBe('lamp was lit for the last time');
    expect(fragment?.suffix).toBe('on');
  });

  it('gives none where no context tells it apart (the 2nd of 4 equal lines), or the target lacks it', () => {
    expect(passageFragment(rangeOf('r2', 'Row the boat'), document)).toBeNull();
    const elsewhere = parse('<p>Another page about the lamp and a windy night.</p>');
    expect(passageFragment(rangeOf('light', 'lit for the last time on a windless night'), elsewhere)).toBeNull();
    expect(passageFragment(rangeOf('light', 'windless'), null)).toBeNull();
  });

  it('leaves the range as it was', () => {
    const range = rangeOf('light', 'for the last ti');
    passageFragment(range, document);
    expect(range.toString()).toBe('for the last ti');
  });
});
