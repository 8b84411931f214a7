import { select } from './dom';

/**
 * Mathematics written once. Pages render a formula two or three times: MathML for assistive technology and browsers,
 * its TeX source in an `<annotation>`, and a visual copy in HTML marked `aria-hidden` (KaTeX, MathJax). The sanitizer
 * drops `<semantics>`/`<annotation>` but keeps their text, which would show the TeX after the formula, and the visual
 * copy is spans without their stylesheet. So: the TeX source moves to the `alttext` attribute of `<math>` (MathML's
 * own text alternative; Markdown writes it as `$…$`), and the hidden copy next to the MathML goes.
 */
export function normalizeMath(root: Element): void {
  const formulas = select(root, 'math');
  for (const math of formulas) {
    let tex: string | null = null;
    for (const note of select(math, 'annotation, annotation-xml')) {
      if (!tex && note.localName === 'annotation' && /^application\/x-tex$/i.test(note.getAttribute('encoding') ?? ''))
        tex = note.textContent?.trim() || null;
      note.remove();
    }
    if (tex && !math.getAttribute('alttext')) math.setAttribute('alttext', tex);
    for (const semantics of select(math, 'semantics')) semantics.replaceWith(...Array.from(semantics.childNodes));
  }
  if (!formulas.length) return;
  // A hidden element beside the box that holds a formula is that formula drawn again.
  for (const hidden of select(root, '[aria-hidden="true"]')) {
    const box = hidden.parentElement;
    if (box && root.contains(hidden) && formulas.some((m) => box.contains(m) && !hidden.contains(m))) hidden.remove();
  }
}
