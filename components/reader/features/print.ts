/** Print: the browser's print dialog on the reader itself; the print stylesheet drops the toolbar and forces black on white. */
export function printReader(): void {
  window.print();
}
