/**
 * Hands data to the browser as a file download: a blob URL on a temporary link (nothing leaves the machine). The one
 * download path of Lectern's pages (the reader's saved files and highlights, the library's exports).
 */
export function download(data: BlobPart, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the blob by the next task; kept a minute for slow download managers (a big backup).
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
