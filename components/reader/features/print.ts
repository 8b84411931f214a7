import { useEffect } from 'preact/hooks';

/** Print: the browser's print dialog on the reader itself; the print stylesheet drops the toolbar and forces black on white. */
export function printReader(): void {
  window.print();
}

/** The popup's "print clean version": print once the article is shown in the user's settings. */
export function usePrintOnOpen(printOnOpen: boolean, ready: boolean): void {
  useEffect(() => {
    if (!printOnOpen || !ready) return undefined;
    // Let the article and its fonts lay out before the print dialog takes the page.
    const timer = setTimeout(printReader, 300);
    return () => clearTimeout(timer);
  }, [printOnOpen, ready]);
}
