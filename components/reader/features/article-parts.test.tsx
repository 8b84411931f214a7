// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { useEnglishMessages } from '@/tests/unit/i18n';
import { FirstScreenView } from './first-screen';
import { BuiltBody, articleParts } from './article-parts';

afterEach(cleanup);

const screen = {
  title: 'The long night',
  byline: null,
  siteName: null,
  lang: 'en',
  dir: 'ltr' as const,
  html: '<p>The opening.</p>',
};

describe('a very large article’s parts', () => {
  it('grow in the opening’s place, each in a box of its own, and the article takes the same nodes over', () => {
    useEnglishMessages();
    const parts = articleParts();
    parts.append('<h2>Part 1</h2><p>The first part.</p>');
    const { container, rerender } = render(
      <FirstScreenView preview={screen} url="https://tides.example/a" body={parts} locale="en" />,
    );
    expect(container.textContent).not.toContain('The opening.');
    parts.append('<h2>Part 2</h2><p>The second part.</p>');
    const boxes = Array.from(container.querySelectorAll('.article-body > [data-part]'));
    expect(boxes.map((box) => box.textContent)).toEqual(['Part 1The first part.', 'Part 2The second part.']);
    // Not the article yet: nothing carries its marker.
    expect(container.querySelector('[data-lectern="article"]')).toBeNull();
    const heading = boxes[1]!.querySelector('h2');

    rerender(<BuiltBody parts={parts} long />);
    const body = container.querySelector('[data-lectern="article"]')!;
    expect(body.hasAttribute('data-long')).toBe(true);
    expect(Array.from(body.children, (box) => box.textContent)).toEqual([
      'Part 1The first part.',
      'Part 2The second part.',
    ]);
    // The very nodes that were shown, not a second parse of the article's HTML.
    expect(body.querySelectorAll('h2')[1]).toBe(heading);
    expect(container.querySelector('[data-lectern="first-screen"]')).toBeNull();

    // The article view gone and back (as when a notice stands in its place for a while): the same parts again.
    rerender(<p>A notice</p>);
    rerender(<BuiltBody parts={parts} long />);
    expect(Array.from(container.querySelectorAll('[data-lectern="article"] h2'), (h) => h.textContent)).toEqual([
      'Part 1',
      'Part 2',
    ]);
  });
});
