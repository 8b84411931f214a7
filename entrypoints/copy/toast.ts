const HOST_STYLE: Array<[string, string]> = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'fixed'],
  ['inset', 'auto'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['width', '0'],
  ['height', '0'],
  ['overflow', 'visible'],
  ['background', 'transparent'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['filter', 'none'],
  ['transform', 'none'],
  ['zoom', '1'],
  ['z-index', '2147483647'],
  ['pointer-events', 'none'],
];

/**
 * A short confirmation on the page itself (after a copy from the context menu or a shortcut), in a closed shadow
 * root with inline styles so the page's CSS can't restyle or hide it. Removed after a moment. Resolves whether it is
 * still on the page once the page's scripts had their turn (a page that removes what it didn't make takes it out at
 * once; then the toolbar button confirms instead).
 */
export function showPageToast(text: string, error: boolean): Promise<boolean> {
  const host = document.createElement('lectern-toast');
  host.setAttribute('data-state', error ? 'failed' : 'done');
  // Page CSS reaches only the host element: its own !important declarations win over the page's !important rules.
  for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');
  // In the top layer, where the page's filters, zoom and overlays on <html> and <body> don't reach.
  host.setAttribute('popover', 'manual');
  const root = host.attachShadow({ mode: 'closed' });
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  box.textContent = text;
  box.style.cssText = [
    'position:fixed',
    'z-index:2147483647',
    'left:50%',
    'bottom:24px',
    'transform:translateX(-50%)',
    'padding:10px 16px',
    'border-radius:10px',
    `background:${error ? '#a12a2a' : '#1d1d1b'}`,
    'color:#fff',
    'font:600 14px/1.4 system-ui,sans-serif',
    'box-shadow:0 6px 20px rgba(0,0,0,.3)',
    'max-width:80vw',
  ].join(';');
  root.append(box);
  document.documentElement.append(host);
  try {
    host.showPopover();
  } catch {
    // No popover support, or the page took the host out already: it shows in place, or the button confirms.
  }
  setTimeout(() => host.remove(), error ? 6000 : 2500);
  return new Promise((resolve) => setTimeout(() => resolve(host.isConnected), 0));
}
