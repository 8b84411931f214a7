import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { mathml } from './mathml';

const NS = 'xmlns="http://www.w3.org/1998/Math/MathML"';
/** The first formula of an HTML fragment, parsed as a browser does (MathML elements in their namespace). */
function formula(html: string): Element {
  return new JSDOM(`<!doctype html><body>${html}`).window.document.querySelector('math')!;
}

describe('a formula as EPUB MathML', () => {
  it('keeps the formula, its TeX (from the annotation) as alttext, and nothing of the annotation', () => {
    const math = formula(
      '<math><semantics><mrow><msqrt><mi>x</mi></msqrt><mo>≤</mo><mn>1</mn></mrow>' +
        '<annotation encoding="application/x-tex">\\sqrt{x}\\le 1</annotation></semantics></math>',
    );
    expect(mathml(math)).toBe(
      `<math ${NS} alttext="\\sqrt{x}\\le 1"><mrow><msqrt><mi>x</mi></msqrt><mo>≤</mo><mn>1</mn></mrow></math>`,
    );
  });

  it('keeps the attributes MathML knows with values it takes, and drops the rest', () => {
    const math = formula(
      '<math display="inline" onclick="x()"><mi mathvariant="bold" style="color:red" href="https://x.example">v</mi>' +
        '<mo stretchy="maybe" lspace="0.2em" form="infix">=</mo><mfrac linethickness="thick" class="k"><mn>1</mn><mn>2</mn></mfrac></math>',
    );
    expect(mathml(math)).toBe(
      `<math ${NS} display="inline"><mi mathvariant="bold">v</mi><mo lspace="0.2em" form="infix">=</mo>` +
        '<mfrac linethickness="thick"><mn>1</mn><mn>2</mn></mfrac></math>',
    );
  });

  it('gives null where the schema would refuse it: wrong arguments, an unknown element, words in a table', () => {
    for (const html of [
      '<math><mfrac><mn>1</mn></mfrac></math>',
      '<math><msubsup><mi>x</mi><mn>1</mn></msubsup></math>',
      '<math><mroot><mi>x</mi><mn>3</mn><mn>4</mn></mroot></math>',
      '<math><mfrac><mn>1</mn>over<mn>2</mn></mfrac></math>',
      '<math><maction><mi>x</mi></maction></math>',
      '<math><mtable><mtd><mn>1</mn></mtd></mtable></math>',
      '<math><mtable><mtr>cell</mtr></mtable></math>',
      '<math> </math>',
    ])
      expect(mathml(formula(html)), html).toBeNull();
  });

  it('puts words standing in a row into an mtext, escaped', () => {
    expect(mathml(formula('<math><mrow><mi>a</mi> if a &lt; b </mrow></math>'))).toBe(
      `<math ${NS}><mrow><mi>a</mi><mtext>if a &lt; b</mtext></mrow></math>`,
    );
  });
});
